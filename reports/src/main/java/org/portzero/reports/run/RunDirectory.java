package org.portzero.reports.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portzero.model.InputFault;
import org.portzero.model.Observations;
import org.portzero.model.ObservationsFile;
import org.portzero.model.RunLayout;
import org.portzero.model.RunRecord;

/**
 * Reads a run directory ({@code runs/<platform-id>/}, file names in {@link RunLayout}) into a
 * {@link PlatformRun}. Never throws on damaged content: observations.json is read by the one
 * tolerant reader ({@link ObservationsFile}), which keeps every result before the damage; a
 * damaged or missing file makes the run broken, with a note naming the file, the line and the
 * field, and so does a gap ({@link Observations#gaps()}: a listed check without a result, a run that
 * judged nothing). One damaged run directory never stops the others from being read.
 */
public final class RunDirectory {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RunDirectory() {
    }

    public static PlatformRun read(Path directory) {
        RunLayout layout = new RunLayout(directory.toAbsolutePath().normalize());
        List<String> damage = new ArrayList<>();
        JsonNode facts = readFacts(layout.facts(), damage);
        Optional<RunRecord> runRecord = readRunRecord(layout.runRecord(), damage);
        Observations observations = ObservationsFile.read(layout.observations());
        damage.addAll(0, observations.problems());
        runRecord.filter(RunRecord::broken)
                .ifPresent(r -> damage.add("platform matrix: " + (r.note().isBlank() ? "broken" : r.note().strip())));
        Optional<String> note = damage.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", damage));
        return new PlatformRun(layout.platformId(), layout.path(), facts, runRecord, observations, note);
    }

    /** platform.json as a tree (the reports show its fields by name); a missing one is damage. */
    private static JsonNode readFacts(Path file, List<String> damage) {
        if (!Files.isRegularFile(file)) {
            damage.add("no " + file.getFileName());
            return PlatformRun.missing();
        }
        return readJson(file, JsonNode.class, damage).orElse(PlatformRun.missing());
    }

    /** run.json is written by the platform matrix; a run directory made by the runner alone has none. */
    private static Optional<RunRecord> readRunRecord(Path file, List<String> damage) {
        return Files.isRegularFile(file) ? readJson(file, RunRecord.class, damage) : Optional.empty();
    }

    /** The file as {@code type}, or empty with a damage line naming the file, line and field. */
    private static <T> Optional<T> readJson(Path file, Class<T> type, List<String> damage) {
        try {
            return Optional.ofNullable(JSON.readValue(file.toFile(), type));
        } catch (JsonProcessingException e) {
            damage.add(file.getFileName() + " unreadable: " + InputFault.of(file, e, "(file)"));
        } catch (IOException e) {
            damage.add(file.getFileName() + " unreadable: " + file + ": " + firstLine(e));
        }
        return Optional.empty();
    }

    private static String firstLine(Exception e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }
}
