package org.portzero.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One of the JSON Schemas in docs/schemas, loaded for a test: the contract a downstream tool reads.
 * Assumes the module's folder is the working directory (Surefire's default).
 */
public final class ContractSchema {

    public static final Path FOLDER = Path.of("..", "docs", "schemas");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Schema schema;

    private ContractSchema(Path file) {
        this.file = file;
        try {
            this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code docs/schemas/<name>.schema.json}. */
    public static ContractSchema named(String name) {
        return new ContractSchema(FOLDER.resolve(name + ".schema.json"));
    }

    public List<Error> errors(JsonNode document) {
        return schema.validate(document);
    }

    public List<Error> errors(Path document) throws IOException {
        return errors(JSON.readTree(document.toFile()));
    }

    /** The schema itself, as JSON: to compare its enums with the harness's vocabulary. */
    public JsonNode text() throws IOException {
        return JSON.readTree(file.toFile());
    }
}
