package org.portzero.reports.run;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a run directory ({@code runs/<platform-id>/}: observations.json, platform.json, run.json)
 * into a {@link PlatformRun}. Never throws on damaged content: a missing or truncated
 * observations.json makes the run broken, keeping every result read before the damage.
 */
public final class RunDirectory {

    public static final String OBSERVATIONS = "observations.json";
    public static final String FACTS = "platform.json";
    public static final String RUN_RECORD = "run.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunDirectory() {
    }

    public static PlatformRun read(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        String id = dir.getFileName().toString();
        List<String> damage = new ArrayList<>();
        JsonNode facts = readTree(dir.resolve(FACTS), damage);
        JsonNode runRecord = Files.exists(dir.resolve(RUN_RECORD)) ? readTree(dir.resolve(RUN_RECORD), damage) : PlatformRun.missing();
        ObjectNode header = JSON.createObjectNode();
        List<JsonNode> results = new ArrayList<>();
        Path observations = dir.resolve(OBSERVATIONS);
        if (!Files.isRegularFile(observations)) {
            damage.add(0, "no observations.json");
        } else {
            readObservations(observations, header, results, damage);
        }
        if (runRecord.path("status").asText("").equalsIgnoreCase("BROKEN")) {
            damage.add("platform matrix: " + runRecord.path("note").asText("broken").strip());
        }
        Optional<String> note = damage.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", damage));
        return new PlatformRun(id, dir, facts, runRecord, header, List.copyOf(results), note);
    }

    private static JsonNode readTree(Path file, List<String> damage) {
        if (!Files.isRegularFile(file)) {
            damage.add("no " + file.getFileName());
            return PlatformRun.missing();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return node == null ? PlatformRun.missing() : node;
        } catch (IOException e) {
            damage.add(file.getFileName() + " unreadable: " + firstLine(e));
            return PlatformRun.missing();
        }
    }

    /** Streams observations.json so a truncated file still yields the results before the cut. */
    private static void readObservations(Path file, ObjectNode header, List<JsonNode> results, List<String> damage) {
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                damage.add("observations.json is not a JSON object");
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("results") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        results.add(parser.readValueAsTree());
                    }
                } else {
                    header.set(field, parser.readValueAsTree());
                }
            }
            if (!header.has("results") && results.isEmpty() && !header.has("schemaVersion")) {
                damage.add("observations.json holds no results");
            }
        } catch (IOException e) {
            damage.add("observations.json truncated or malformed after " + results.size() + " results ("
                    + firstLine(e) + ")");
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }
}
