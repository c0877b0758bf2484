package org.portzero.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code platform-runs.json}: what one matrix run did, in order, beside {@code runs/}. The reports
 * take the platforms of the last matrix run from it, and the engine it used.
 *
 * @param schemaVersion {@link RunRecord#SCHEMA_VERSION} when written (the entries are run records)
 * @param started       ISO-8601 instant the matrix started
 * @param wallMillis    the matrix's wall time
 * @param engine        the Docker engine's version, or why there was none
 * @param platforms     each platform's run record, in the matrix's order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlatformRunsRecord(int schemaVersion, String started, long wallMillis, String engine,
                                 List<RunRecord> platforms) {

    public PlatformRunsRecord {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
        engine = engine == null ? "not recorded" : engine;
    }

    public List<String> platformIds() {
        return platforms.stream().map(RunRecord::platform).toList();
    }

    /** The record in {@code out}, when a matrix left one; an unreadable one is an error naming the file and line. */
    public static Optional<PlatformRunsRecord> in(Path out) {
        Path file = RunLayout.platformRuns(out);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ObjectMapper().readValue(file.toFile(), PlatformRunsRecord.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedInput(InputFault.of(file, e, "(file)"), e);
        } catch (IOException e) {
            throw new MalformedInput(new InputFault(file, 0, "(file)", "unreadable: " + e.getMessage()), e);
        }
    }

    public void write(Path out) throws IOException {
        RecordFile.write(RunLayout.platformRuns(out), this);
    }
}
