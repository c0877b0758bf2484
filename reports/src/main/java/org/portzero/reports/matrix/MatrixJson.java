package org.portzero.reports.matrix;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads and writes {@code matrix.json}. Reading accepts unknown fields (a newer minor addition)
 * but refuses another schema or a newer schema version.
 */
public final class MatrixJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private MatrixJson() {
    }

    public static void write(Matrix matrix, Path file) throws IOException {
        JSON.writeValue(file.toFile(), matrix);
    }

    public static Matrix read(Path file) throws IOException {
        Matrix matrix = JSON.readValue(file.toFile(), Matrix.class);
        if (!Matrix.SCHEMA.equals(matrix.schema()) || matrix.schemaVersion() > Matrix.SCHEMA_VERSION) {
            throw new IOException(file + " is " + matrix.schema() + " v" + matrix.schemaVersion()
                    + ", this build reads " + Matrix.SCHEMA + " up to v" + Matrix.SCHEMA_VERSION);
        }
        return matrix;
    }

    static ObjectMapper mapper() {
        return JSON;
    }
}
