package org.portzero.containers.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code target/portzero/runs/<platform-id>/}: emptied before a run, then holding what the
 * runner wrote ({@code allure-results/, junit/, observations.json, platform.json}), the
 * runner's {@code console.log} and the harness's {@code run.json}.
 */
public record RunDirectory(Path path) {

    public static final String CONSOLE_LOG = "console.log";
    public static final String OBSERVATIONS = "observations.json";
    public static final String RUN_RECORD = "run.json";

    public static RunDirectory of(Path runsDir, String platformId) {
        return new RunDirectory(runsDir.resolve(platformId));
    }

    /** Removes what an earlier run left and creates the directory. */
    public RunDirectory clean() {
        try {
            if (Files.exists(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(path);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path consoleLog() {
        return path.resolve(CONSOLE_LOG);
    }

    public Path observations() {
        return path.resolve(OBSERVATIONS);
    }

    /** Appends a harness line to console.log (why a platform broke, what was skipped). */
    public void appendToConsole(String text) {
        try {
            Files.createDirectories(path);
            Files.writeString(consoleLog(), "[portzero] " + text + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The verdict counts of the run's observations.json; empty (and a console note) when unreadable. */
    public java.util.Optional<VerdictTally> tally() {
        try {
            return VerdictTally.read(observations());
        } catch (IOException e) {
            appendToConsole("unreadable observations.json: " + e.getMessage()); // names the file and the line
            return java.util.Optional.empty();
        }
    }

    /** Why observations.json gives no tally ({@code FILE:LINE: what}, or that it is missing); empty when it does. */
    public String whyNoTally() {
        try {
            return VerdictTally.read(observations()).isPresent() ? "" : "no " + observations();
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** Ends a run: its note goes to console.log, the outcome to run.json; returns the outcome. */
    public RunOutcome finish(RunOutcome outcome) {
        if (!outcome.note().isEmpty()) {
            appendToConsole(outcome.status() + ": " + outcome.note());
        }
        writeRecord(outcome);
        return outcome;
    }

    public void writeRecord(RunOutcome outcome) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("schemaVersion", 1);
        record.put("platform", outcome.platform());
        record.put("kind", outcome.kind());
        record.put("description", outcome.description());
        record.put("image", outcome.image().orElse(null));
        record.put("status", outcome.status().name());
        record.put("note", outcome.note());
        record.put("exitCode", outcome.exitCode().orElse(null));
        record.put("wallMillis", outcome.wallMillis());
        record.put("runnerWallMillis", outcome.tally().map(VerdictTally::wallMillis).orElse(null));
        record.put("overheadMillis", outcome.overheadMillis().orElse(null));
        record.put("phaseMillis", outcome.phaseMillis());
        Map<String, Integer> counts = new LinkedHashMap<>();
        outcome.tally().ifPresent(t -> t.counts().forEach((verdict, n) -> counts.put(verdict.name(), n)));
        record.put("verdicts", counts);
        try {
            RecordFile.write(path.resolve(RUN_RECORD), record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
