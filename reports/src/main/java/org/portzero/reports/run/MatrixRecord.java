package org.portzero.reports.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the platform matrix writes beside {@code runs/}: {@code platform-runs.json}, naming the
 * Docker engine it used and the platforms it ran, in order. The reports read it for those two
 * facts only; each platform's own record is its {@code run.json}.
 *
 * @param engine      the engine's version, or why there was none
 * @param platformIds the platforms of that matrix run, in its order
 */
public record MatrixRecord(String engine, List<String> platformIds) {

    public static final String FILE_NAME = "platform-runs.json";

    public MatrixRecord {
        platformIds = List.copyOf(platformIds);
    }

    /** The record in {@code out}, when the matrix left one; an unreadable one is an error naming the file. */
    public static Optional<MatrixRecord> in(Path out) {
        Path file = out.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            List<String> ids = new ArrayList<>();
            for (JsonNode platform : root.path("platforms")) {
                ids.add(platform.path("platform").asText());
            }
            return Optional.of(new MatrixRecord(root.path("engine").asText("not recorded"), ids));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not readable: " + e.getMessage(), e);
        }
    }
}
