package org.portzero.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code observations.json}: the runner writes it through {@link #write}, and every other module
 * reads it through {@link #read}, the one tolerant reader. Reading never throws: a missing,
 * truncated or malformed file, or a result without a known check id or verdict, becomes a line of
 * {@link Observations#damage()} naming the file, the line and the field, and every usable result
 * before and around the damage is kept.
 */
public final class ObservationsFile {

    /** The layout version written; bumped on any incompatible change, and the reader then reads both. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper WRITER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper READER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private ObservationsFile() {
    }

    /** Writes the header, then the results (each serialised by Jackson as it is). */
    public static void write(Path file, ObservationsHeader header, List<?> results) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ObjectNode document = WRITER.valueToTree(header);
        document.set("results", WRITER.valueToTree(results));
        WRITER.writeValue(file.toFile(), document);
    }

    /** Reads what can be read of {@code file}. */
    public static Observations read(Path file) {
        ObjectNode header = READER.createObjectNode();
        List<RecordedResult> results = new ArrayList<>();
        List<String> damage = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            damage.add("no " + file.getFileName() + " (" + file + ")");
            return new Observations(file, header, results, damage);
        }
        List<InputFault> unusable = new ArrayList<>();
        boolean listed = false;
        try (JsonParser parser = READER.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                damage.add("observations.json is not a JSON object: " + new InputFault(file,
                        parser.currentTokenLocation().getLineNr(), parser.currentTokenLocation().getColumnNr(), "(file)",
                        "expected '{', found " + (parser.currentToken() == null ? "nothing" : parser.getText())));
                return new Observations(file, header, results, damage);
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("results") && value == JsonToken.START_ARRAY) {
                    listed = true;
                    for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
                        int line = parser.currentTokenLocation().getLineNr();
                        JsonNode entry = parser.readValueAsTree();
                        String at = "results[" + index + "]";
                        whyUnusable(file, line, at, entry).ifPresentOrElse(unusable::add, () -> results.add(
                                new RecordedResult(CheckId.parse(entry.path("id").asText()),
                                        Verdict.parse(entry.path("verdict").asText()).orElseThrow(), entry)));
                    }
                } else {
                    header.set(field, parser.readValueAsTree());
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                damage.add("observations.json malformed after " + results.size() + " results: " + new InputFault(file,
                        parser.currentTokenLocation().getLineNr(), parser.currentTokenLocation().getColumnNr(), "(file)",
                        "unexpected " + parser.getText() + " after the top-level object"));
            } else if (!listed) {
                damage.add("observations.json has no results list: " + new InputFault(file, 1, "results", "missing"));
            }
        } catch (JsonProcessingException e) {
            damage.add("observations.json truncated or malformed after " + results.size() + " results: "
                    + InputFault.of(file, e, "(file)"));
        } catch (IOException e) {
            damage.add("observations.json unreadable after " + results.size() + " results: " + file + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        int version = header.path("schemaVersion").asInt(SCHEMA_VERSION);
        if (version > SCHEMA_VERSION) {
            damage.add(new InputFault(file, 1, "schemaVersion", "version " + version
                    + " is newer than this reader (" + SCHEMA_VERSION + ")").toString());
        }
        if (!unusable.isEmpty()) {
            damage.add(unusable.size() + " unusable result(s) in observations.json left out: " + unusable.get(0)
                    + (unusable.size() > 1 ? " (and " + (unusable.size() - 1) + " more)" : ""));
        }
        return new Observations(file, header, results, damage);
    }

    /** Why an entry cannot be reported (not an object, no known check id, no verdict spelled as written), or empty. */
    private static Optional<InputFault> whyUnusable(Path file, int line, String at, JsonNode entry) {
        if (!entry.isObject()) {
            return Optional.of(new InputFault(file, line, at, "expected a result object, found "
                    + entry.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        JsonNode id = entry.path("id");
        if (!id.isTextual()) {
            return Optional.of(new InputFault(file, line, at + ".id", "expected a check id family.variant.check, found "
                    + (id.isMissingNode() ? "nothing" : id.toString())));
        }
        try {
            CheckId.parse(id.asText());
        } catch (IllegalArgumentException e) {
            return Optional.of(new InputFault(file, line, at + ".id", e.getMessage()));
        }
        JsonNode verdict = entry.path("verdict");
        if (verdict.isTextual() && Verdict.ids().contains(verdict.asText())) {
            return Optional.empty();
        }
        return Optional.of(new InputFault(file, line, at + ".verdict", "expected one of " + Verdict.spellings()
                + ", found " + (verdict.isMissingNode() ? "nothing" : verdict.toString())));
    }
}
