package org.portzero.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The build gate, the one implementation every command that runs platforms applies: the platform
 * matrix's exit code, the reports' exit code and the CI jobs all come from here. A broken platform,
 * or a result whose verdict {@link Verdict#failsTheGate() fails the gate}, fails it. {@code flaky}
 * and {@code xpass} results are listed with it (an unexpected pass means an expectation is out of
 * date) but do not fail it. The gate counts verdicts; it never re-judges an observation.
 */
public final class Gate {

    private Gate() {
    }

    /**
     * One platform as the gate sees it.
     *
     * @param id      the platform id
     * @param broken  why the platform broke (its run, its observations file, its declared facts), if it did
     * @param results every result read for it
     */
    public record Platform(String id, Optional<String> broken, List<RecordedResult> results) {
        public Platform {
            results = List.copyOf(results);
        }
    }

    /**
     * What the gate decided.
     *
     * @param failures one line per broken platform and per result that fails the gate
     * @param flaky    one line per {@code flaky} result (a declared environment-sensitive check that held when re-run)
     * @param xpass    one line per {@code xpass} result (a known deviation that did not happen)
     */
    public record Decision(List<String> failures, List<String> flaky, List<String> xpass) {
        public Decision {
            failures = List.copyOf(failures);
            flaky = List.copyOf(flaky);
            xpass = List.copyOf(xpass);
        }

        public boolean passes() {
            return failures.isEmpty();
        }

        /** The log's sections for what is listed and does not gate: the flaky results, then the xpass ones. */
        public List<String> notGating() {
            List<String> lines = new ArrayList<>(section(
                    "FLAKY (declared environment-sensitive, failed once, then held; reported, not gating)", flaky));
            lines.addAll(section("XPASS (a known deviation did not happen: its expectation may be out of date; not gating)",
                    xpass));
            return lines;
        }
    }

    /** At most this many items of one section are printed. */
    public static final int SHOWN = 200;

    /** {@code TITLE (n):} and the items indented, at most {@value #SHOWN}; nothing when there are none. */
    public static List<String> section(String title, List<String> items) {
        List<String> lines = new ArrayList<>();
        if (items.isEmpty()) {
            return lines;
        }
        lines.add(title + " (" + items.size() + "):");
        items.stream().limit(SHOWN).forEach(i -> lines.add("  " + i));
        if (items.size() > SHOWN) {
            lines.add("  … and " + (items.size() - SHOWN) + " more");
        }
        return lines;
    }

    public static Decision of(List<Platform> platforms) {
        List<String> failures = new ArrayList<>();
        List<String> flaky = new ArrayList<>();
        List<String> xpass = new ArrayList<>();
        for (Platform p : platforms) {
            p.broken().ifPresent(note -> failures.add(p.id() + ": platform broken: " + oneLine(note)));
            for (RecordedResult r : p.results()) {
                String line = p.id() + ": " + r.verdict().id() + " " + r.id()
                        + (r.message().isBlank() ? "" : " — " + oneLine(r.message()));
                if (r.verdict().failsTheGate()) {
                    failures.add(line);
                } else if (r.verdict() == Verdict.FLAKY) {
                    flaky.add(line);
                } else if (r.verdict() == Verdict.XPASS) {
                    xpass.add(line);
                }
            }
        }
        return new Decision(failures, flaky, xpass);
    }

    /** A multi-line note as one line. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\n\\s*", " / ");
    }
}
