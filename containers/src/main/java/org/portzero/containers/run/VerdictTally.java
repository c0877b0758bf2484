package org.portzero.containers.run;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
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
 * @param gateFailing "check-id VERDICT: message" for every FAIL and BROKEN result
 * @param wallMillis  the runner's own {@code wallMillis}
 * @param flaky       "check-id FLAKY: message" for every check that failed once, then held
 */
public record VerdictTally(Map<Verdict, Integer> counts, List<String> gateFailing, long wallMillis, List<String> flaky) {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        if (!Files.isRegularFile(observations)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(observations.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IOException(observations + ":" + (at == null ? 0 : at.getLineNr()) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("not JSON"), e);
        }
        try {
            return Optional.of(parse(root));
        } catch (IOException e) {
            throw new IOException(observations + ": " + e.getMessage(), e);
        }
    }

    static VerdictTally parse(JsonNode root) throws IOException {
        JsonNode results = root.path("results");
        if (!results.isArray()) {
            throw new IOException("observations.json has no 'results' list");
        }
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        List<String> failing = new ArrayList<>();
        List<String> flaky = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode result = results.get(i);
            String text = result.path("verdict").asText("");
            Verdict verdict;
            try {
                verdict = Verdict.valueOf(text.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IOException("field 'results[" + i + "].verdict': result " + result.path("id").asText("?")
                        + " has an unknown verdict '" + text + "'");
            }
            counts.merge(verdict, 1, Integer::sum);
            if (verdict.failsTheGate() || verdict == Verdict.FLAKY) {
                String message = result.path("message").asText("");
                String line = result.path("id").asText("?") + " " + verdict
                        + (message.isBlank() ? "" : ": " + message.lines().findFirst().orElse(""));
                (verdict == Verdict.FLAKY ? flaky : failing).add(line);
            }
        }
        return new VerdictTally(counts, failing, root.path("wallMillis").asLong(0), flaky);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** {@code PASS 180  FAIL 0  XFAIL 2  XPASS 0  FLAKY 0  SKIP 4  BROKEN 0}. */
    public String countsLine() {
        StringBuilder line = new StringBuilder();
        for (Verdict verdict : Verdict.values()) {
            if (!line.isEmpty()) {
                line.append("  ");
            }
            line.append(verdict).append(' ').append(String.format("%3d", counts.get(verdict)));
        }
        return line.toString();
    }
}
