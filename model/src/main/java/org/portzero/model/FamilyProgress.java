package org.portzero.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One family finished in a runner: the line the runner prints on its standard output when a
 * family's last check has run, and the platform matrix reads back from {@code console.log} while
 * the platform still runs, to show live progress. Written and read here only.
 *
 * @param family  the family
 * @param done    how many of its checks left a result
 * @param listed  how many it listed
 * @param failing how many of those results fail the gate ({@link Verdict#failsTheGate()})
 * @param millis  how long the family took
 */
public record FamilyProgress(Family family, int done, int listed, int failing, long millis) {

    /** What every such line starts with. */
    public static final String PREFIX = "portzero: family finished";

    private static final Pattern LINE = Pattern.compile(Pattern.quote(PREFIX)
            + " (\\S+) done=(\\d+) listed=(\\d+) failing=(\\d+) millis=(\\d+)");

    /** {@code portzero: family finished unique done=43 listed=43 failing=0 millis=6200}. */
    public String line() {
        return PREFIX + " " + family.id() + " done=" + done + " listed=" + listed + " failing=" + failing
                + " millis=" + millis;
    }

    /** The progress a console line reports, or empty for any other line (a guest's console may wrap it in noise). */
    public static Optional<FamilyProgress> parse(String consoleLine) {
        Matcher m = LINE.matcher(consoleLine);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FamilyProgress(Family.of(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Long.parseLong(m.group(5))));
        } catch (IllegalArgumentException e) {   // an unknown family or a number out of range: not a progress line
            return Optional.empty();
        }
    }

    /** Every listed check left a result and none fails the gate. */
    public boolean clean() {
        return failing == 0 && done == listed;
    }
}
