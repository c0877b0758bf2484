package org.portzero.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The harness's own records ({@code run.json}, {@code platform-runs.json}) are written whole or
 * not at all: to a sibling temporary file, then renamed over the old one. They are written from
 * shutdown hooks while the user's shell already has its prompt back, so a reader must never find
 * one half-written.
 */
public final class RecordFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RecordFile() {
    }

    public static void write(Path file, Object record) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, "." + file.getFileName(), ".partial");
        try {
            JSON.writeValue(partial.toFile(), record);
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
