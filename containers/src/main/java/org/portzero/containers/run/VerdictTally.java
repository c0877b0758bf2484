package org.portzero.containers.run;

import org.portzero.model.Observations;
import org.portzero.model.ObservationsFile;
import org.portzero.model.RecordedResult;
import org.portzero.model.Verdict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verdicts of one run, read from its {@code observations.json}: the counts, every result (for
 * the {@link org.portzero.model.Gate}), what the run should have recorded and did not, and the
 * runner's own wall time.
 *
 * @param wallMillis the runner's own {@code wallMillis}
 * @param results    every result read
 * @param gaps       {@link Observations#gaps()}: listed checks without a result, and the like; any makes the run broken
 */
public record VerdictTally(long wallMillis, List<RecordedResult> results, List<String> gaps) {

    public VerdictTally {
        results = List.copyOf(results);
        gaps = List.copyOf(gaps);
    }

    /** Verdict → number of results, every verdict present (0 when none), in {@link Verdict}'s order. */
    public Map<Verdict, Integer> counts() {
        EnumMap<Verdict, Integer> all = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            all.put(verdict, 0);
        }
        results.forEach(r -> all.merge(r.verdict(), 1, Integer::sum));
        return Collections.unmodifiableMap(all);
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
        return new VerdictTally(observations.wallMillis(), observations.results(), observations.gaps());
    }

    public int total() {
        return results.size();
    }

    /** {@code pass 180  fail 0  xfail 2  xpass 0  flaky 0  skip 4  broken 0}. */
    public String countsLine() {
        Map<Verdict, Integer> counts = counts();
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
