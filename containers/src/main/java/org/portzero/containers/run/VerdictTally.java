package org.portzero.containers.run;

import org.portzero.model.Observations;
import org.portzero.model.ObservationsFile;
import org.portzero.model.RecordedResult;
import org.portzero.model.Verdict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verdict counts of one run, read from its {@code observations.json}, with the ids of the
 * checks that fail the gate and the runner's own wall time.
 *
 * @param counts      verdict → number of results
 * @param gateFailing "check-id verdict: message" for every fail and broken result
 * @param wallMillis  the runner's own {@code wallMillis}
 * @param flaky       "check-id flaky: message" for every check that failed once, then held
 */
public record VerdictTally(Map<Verdict, Integer> counts, List<String> gateFailing, long wallMillis, List<String> flaky) {

    public VerdictTally {
        EnumMap<Verdict, Integer> all = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            all.put(verdict, counts.getOrDefault(verdict, 0));
        }
        counts = Collections.unmodifiableMap(all);
        gateFailing = List.copyOf(gateFailing);
        flaky = List.copyOf(flaky);
    }

    public VerdictTally(Map<Verdict, Integer> counts, List<String> gateFailing, long wallMillis) {
        this(counts, gateFailing, wallMillis, List.of());
    }

    /**
     * Reads {@code observations.json}; empty when the file is missing. A damaged file is an
     * IOException whose message names the file and the line ({@code FILE:LINE: what}) or the field.
     */
    public static Optional<VerdictTally> read(Path observations) throws IOException {
        if (!java.nio.file.Files.isRegularFile(observations)) {
            return Optional.empty();
        }
        Observations read = ObservationsFile.read(observations);
        if (!read.intact()) {
            throw new IOException(read.damageNote().orElseThrow());
        }
        return Optional.of(of(read));
    }

    /** The tally of what was read. */
    public static VerdictTally of(Observations observations) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        List<String> failing = new ArrayList<>();
        List<String> flaky = new ArrayList<>();
        for (RecordedResult result : observations.results()) {
            counts.merge(result.verdict(), 1, Integer::sum);
            if (result.verdict().failsTheGate() || result.verdict() == Verdict.FLAKY) {
                String message = result.message();
                String line = result.id() + " " + result.verdict().id()
                        + (message.isBlank() ? "" : ": " + message.lines().findFirst().orElse(""));
                (result.verdict() == Verdict.FLAKY ? flaky : failing).add(line);
            }
        }
        return new VerdictTally(counts, failing, observations.wallMillis(), flaky);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** {@code pass 180  fail 0  xfail 2  xpass 0  flaky 0  skip 4  broken 0}. */
    public String countsLine() {
        StringBuilder line = new StringBuilder();
        for (Verdict verdict : Verdict.values()) {
            if (!line.isEmpty()) {
                line.append("  ");
            }
            line.append(verdict.id()).append(' ').append(String.format("%3d", counts.get(verdict)));
        }
        return line.toString();
    }
}
