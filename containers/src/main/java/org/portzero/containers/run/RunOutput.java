package org.portzero.containers.run;

import org.portzero.model.RecordFile;
import org.portzero.model.RunLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the platform matrix puts one platform's run, {@code target/portzero/runs/<platform-id>/}
 * (file names: {@link RunLayout}): emptied before a run, then holding what the
 * runner wrote ({@code allure-results/, junit/, observations.json, platform.json}), the
 * runner's {@code console.log} and the harness's {@code run.json}.
 */
public record RunOutput(Path path) {

    public static RunOutput of(Path runsDir, String platformId) {
        return new RunOutput(runsDir.resolve(platformId));
    }

    /** The file names inside. */
    public RunLayout layout() {
        return new RunLayout(path);
    }

    /** Removes what an earlier run left and creates the directory. */
    public RunOutput clean() {
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
        return layout().consoleLog();
    }

    public Path observations() {
        return layout().observations();
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
        try {
            RecordFile.write(layout().runRecord(), outcome.record());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
