package org.portzero.reports.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.regex.Pattern;
import org.portzero.reports.matrix.Verdicts;

/**
 * Reads a run directory ({@code runs/<platform-id>/}: observations.json, platform.json, run.json)
 * into a {@link PlatformRun}. Never throws on damaged content: a missing or truncated
 * observations.json makes the run broken, keeping every result read before the damage; the
 * broken note names the file, the line and the field. One damaged run directory never stops
 * the others from being read.
 */
public final class RunDirectory {

    public static final String OBSERVATIONS = "observations.json";
    public static final String FACTS = "platform.json";
    public static final String RUN_RECORD = "run.json";

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    /** {@code family.variant.check}, as the suites name checks. */
    private static final Pattern CHECK_ID = Pattern.compile("[a-z0-9_]+\\.[a-z0-9_]+\\.[a-z0-9_]+");

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
        } catch (JsonProcessingException e) {
            damage.add(file.getFileName() + " unreadable: " + JsonFault.of(file, e, "(file)"));
            return PlatformRun.missing();
        } catch (IOException e) {
            damage.add(file.getFileName() + " unreadable: " + file + ": " + firstLine(e));
            return PlatformRun.missing();
        }
    }

    /**
     * Streams observations.json so a truncated file still yields the results before the cut. A
     * result without a check id or a verdict is left out and named (file, line, field); the results
     * around it are kept.
     */
    private static void readObservations(Path file, ObjectNode header, List<JsonNode> results, List<String> damage) {
        List<JsonFault> unusable = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                damage.add("observations.json is not a JSON object: " + new JsonFault(file,
                        parser.currentTokenLocation().getLineNr(), parser.currentTokenLocation().getColumnNr(), "(file)",
                        "expected '{', found " + (parser.currentToken() == null ? "nothing" : parser.getText())));
                return;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("results") && value == JsonToken.START_ARRAY) {
                    for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
                        int line = parser.currentTokenLocation().getLineNr();
                        JsonNode result = parser.readValueAsTree();
                        unusableResult(file, line, "results[" + index + "]", result).ifPresentOrElse(unusable::add,
                                () -> results.add(result));
                    }
                } else {
                    header.set(field, parser.readValueAsTree());
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                damage.add("observations.json malformed after " + results.size() + " results: " + new JsonFault(file,
                        parser.currentTokenLocation().getLineNr(), parser.currentTokenLocation().getColumnNr(), "(file)",
                        "unexpected " + parser.getText() + " after the top-level object"));
            } else if (!header.has("results") && results.isEmpty() && unusable.isEmpty() && !header.has("schemaVersion")) {
                damage.add("observations.json holds no results: " + file);
            }
        } catch (JsonProcessingException e) {
            damage.add("observations.json truncated or malformed after " + results.size() + " results: "
                    + JsonFault.of(file, e, "(file)"));
        } catch (IOException e) {
            damage.add("observations.json unreadable after " + results.size() + " results: " + file + ": " + firstLine(e));
        }
        if (!unusable.isEmpty()) {
            damage.add(unusable.size() + " unusable result(s) in observations.json left out: " + unusable.get(0)
                    + (unusable.size() > 1 ? " (and " + (unusable.size() - 1) + " more)" : ""));
        }
    }

    /** Why a result cannot be reported (no check id, no known verdict), or empty. */
    private static Optional<JsonFault> unusableResult(Path file, int line, String at, JsonNode result) {
        if (!result.isObject()) {
            return Optional.of(new JsonFault(file, line, 0, at, "expected a result object, found " + result.getNodeType()
                    .name().toLowerCase(java.util.Locale.ROOT)));
        }
        JsonNode id = result.path("id");
        if (!id.isTextual() || !CHECK_ID.matcher(id.asText()).matches()) {
            return Optional.of(new JsonFault(file, line, 0, at + ".id", "expected a check id family.variant.check, found "
                    + (id.isMissingNode() ? "nothing" : id.toString())));
        }
        JsonNode verdict = result.path("verdict");
        if (!verdict.isTextual() || !Verdicts.ORDER.contains(verdict.asText())) {
            return Optional.of(new JsonFault(file, line, 0, at + ".verdict", "expected one of " + String.join(", ", Verdicts.ORDER)
                    + ", found " + (verdict.isMissingNode() ? "nothing" : verdict.toString())));
        }
        return Optional.empty();
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }
}
