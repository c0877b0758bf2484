package org.portzero.reports.matrix;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.portzero.model.InputFault;
import org.portzero.model.MalformedInput;

/**
 * Reads and writes {@code matrix.json}. Reading accepts unknown fields (a newer minor addition)
 * but refuses another schema or a newer schema version, broken JSON, a field twice, a value of
 * the wrong type, a missing required field (every one the diff reads: rows, their ids and cells,
 * each cell's verdict) and a check id twice — each as a {@link MalformedInput} naming the
 * file, the line and the field.
 */
public final class MatrixJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectReader READER = JSON.readerFor(Matrix.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private MatrixJson() {
    }

    public static void write(Matrix matrix, Path file) throws IOException {
        JSON.writeValue(file.toFile(), matrix);
    }

    public static Matrix read(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        Matrix matrix;
        try {
            matrix = READER.readValue(content);
        } catch (JsonProcessingException e) {
            throw new MalformedInput(InputFault.of(file, e, "(file)"));
        }
        if (matrix == null) {
            throw new MalformedInput(new InputFault(file, 1, 0, "(file)", "expected a " + Matrix.SCHEMA + " object, found null"));
        }
        new Checks(file, content).matrix(matrix);
        return matrix;
    }

    static ObjectMapper mapper() {
        return JSON;
    }

    /** The checks Jackson's mapping leaves to us: required fields and distinct check ids. */
    private static final class Checks {
        private final Path file;
        private final byte[] content;
        private Map<String, Integer> lines;

        Checks(Path file, byte[] content) {
            this.file = file;
            this.content = content;
        }

        void matrix(Matrix matrix) throws MalformedInput {
            if (!Matrix.SCHEMA.equals(matrix.schema())) {
                throw fault("schema", "is " + quoted(matrix.schema()) + ", this build reads " + Matrix.SCHEMA);
            }
            if (matrix.schemaVersion() < 1 || matrix.schemaVersion() > Matrix.SCHEMA_VERSION) {
                throw fault("schemaVersion", "is " + matrix.schemaVersion() + ", this build reads " + Matrix.SCHEMA
                        + " v1 to v" + Matrix.SCHEMA_VERSION);
            }
            required("generatedAt", matrix.generatedAt());
            required("platforms", matrix.platforms());
            for (int i = 0; i < matrix.platforms().size(); i++) {
                PlatformColumn column = required("platforms[" + i + "]", matrix.platforms().get(i));
                required("platforms[" + i + "].id", column.id());
            }
            required("families", matrix.families());
            required("rows", matrix.rows());
            Map<String, Integer> rowOf = new HashMap<>();
            for (int i = 0; i < matrix.rows().size(); i++) {
                String at = "rows[" + i + "]";
                MatrixRow row = required(at, matrix.rows().get(i));
                required(at + ".id", row.id());
                Integer earlier = rowOf.putIfAbsent(row.id(), i);
                if (earlier != null) {
                    throw fault(at + ".id", "check id " + row.id() + " appears twice (also rows[" + earlier + "])");
                }
                required(at + ".cells", row.cells());
                for (Map.Entry<String, MatrixCell> cell : row.cells().entrySet()) {
                    String cellAt = at + ".cells." + cell.getKey();
                    required(cellAt, cell.getValue());
                    required(cellAt + ".verdict", cell.getValue().verdict());
                }
            }
        }

        private <T> T required(String field, T value) throws MalformedInput {
            if (value == null) {
                throw fault(field, "required, found null or nothing");
            }
            return value;
        }

        private MalformedInput fault(String field, String problem) {
            return new MalformedInput(new InputFault(file, lineOf(field), 0, field, problem));
        }

        /** The line of {@code field}, or of its nearest enclosing field present in the file. */
        private int lineOf(String field) {
            if (lines == null) {
                lines = InputFault.lines(content);
            }
            String key = field;
            while (!key.isEmpty()) {
                Integer line = lines.get(key);
                if (line != null) {
                    return line;
                }
                int cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
                key = cut < 0 ? "" : key.substring(0, cut);
            }
            return 1;
        }

        private static String quoted(String text) {
            return text == null ? "nothing" : "'" + text + "'";
        }
    }
}
