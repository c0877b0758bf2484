package org.portzero.containers.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portzero.model.RecordFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record read while it is being rewritten is the old one or the new one, never a part of either. */
class RecordFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aReaderNeverSeesAHalfWrittenRecord(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("platform-runs.json");
        List<String> damaged = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            int reads = 0;
            while (writing.get() || reads == 0) {
                try {
                    JsonNode read = JSON.readTree(Files.readString(file));
                    int listed = read.path("platforms").size();
                    if (listed != 200) {
                        damaged.add(read.isMissingNode() ? "an empty file" : "a record of " + listed + " platforms");
                    }
                    reads++;
                } catch (NoSuchFileException e) {
                    // not written yet
                } catch (IOException e) {
                    damaged.add(e.getMessage());
                }
            }
        });
        reader.start();
        List<Map<String, Object>> platforms = new ArrayList<>();
        for (int p = 0; p < 200; p++) {
            platforms.add(Map.of("platform", "p" + p, "status", "COMPLETED", "note", "x".repeat(100)));
        }
        for (int generation = 0; generation < 300; generation++) {
            RecordFile.write(file, Map.of("generation", generation, "platforms", platforms));
        }
        writing.set(false);
        reader.join();

        assertEquals(List.of(), damaged.stream().limit(3).toList(), damaged.size() + " damaged reads");
        assertEquals(299, JSON.readTree(file.toFile()).path("generation").asInt());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left beside the record");
        }
    }

    @Test
    void createsTheDirectoryItGoesIn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("runs/fault-slow/run.json");
        RecordFile.write(file, Map.of("status", "BROKEN"));
        assertTrue(Files.isRegularFile(file));
    }
}
