package org.portzero.containers.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.portzero.containers.platform.DeclaredFacts;
import org.portzero.model.PlatformFacts;
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

    private static final ObjectMapper FACTS = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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

    /**
     * Ends a run: a completed run is held to what it must have recorded and to its platform's declared
     * facts ({@link RunOutcome#heldTo}); the note goes to console.log, the outcome to run.json.
     */
    public RunOutcome finish(RunOutcome ran, DeclaredFacts declared) {
        RunOutcome outcome = ran.heldTo(declared, facts());
        if (!outcome.note().isEmpty()) {
            appendToConsole(outcome.status() + ": " + outcome.note());
        }
        writeRecord(outcome);
        return outcome;
    }

    /** What a kernel platform's boot script says its guest ran under ({@value #ACCELERATOR}), when it says. */
    public java.util.Optional<String> accelerator() {
        Path file = path.resolve(ACCELERATOR);
        try {
            return Files.isRegularFile(file) ? java.util.Optional.of(Files.readString(file).strip())
                    : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.of("unreadable " + file + ": " + e.getMessage());
        }
    }

    /** The file a kernel platform's boot script writes beside the results: {@code kvm} or {@code tcg (why)}. */
    public static final String ACCELERATOR = "accelerator.txt";

    /** platform.json as the runner wrote it, or empty when it is missing or unreadable (said in console.log). */
    public java.util.Optional<PlatformFacts> facts() {
        if (!Files.isRegularFile(layout().facts())) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(FACTS.readValue(layout().facts().toFile(), PlatformFacts.class));
        } catch (IOException e) {
            appendToConsole("unreadable " + layout().facts() + ": " + e.getMessage().lines().findFirst().orElse(""));
            return java.util.Optional.empty();
        }
    }

    public void writeRecord(RunOutcome outcome) {
        try {
            RecordFile.write(layout().runRecord(), outcome.record());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
