package org.portzero.containers.run;

import org.portzero.containers.platform.DeclaredFacts;

import org.portzero.model.RunStatus;
import org.portzero.model.RunnerSettings;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A host platform: the runner jar started with a JDK of this machine ({@code host} is the
 * build's own JDK; {@code host-<dir>} one of {@code -Dportzero.host.jdks}), writing straight
 * into its run directory.
 */
public final class HostRun implements PlatformExecution {

    private final String platformId;
    private final Path javaHome;
    private final Path runnerJar;
    private final RunOutput directory;
    private final Duration timeout;
    private final DeclaredFacts declared;
    private final RunnerSettings runner;

    /**
     * @param declared what the host must have (IPv6 loopback, unless declared otherwise)
     * @param runner   the runner properties the matrix forwards to every platform
     */
    public HostRun(String platformId, Path javaHome, Path runnerJar, RunOutput directory, Duration timeout,
                   DeclaredFacts declared, RunnerSettings runner) {
        this.declared = declared;
        this.runner = runner;
        this.platformId = platformId;
        this.javaHome = javaHome;
        this.runnerJar = runnerJar;
        this.directory = directory;
        this.timeout = timeout;
    }

    @Override
    public String platformId() {
        return platformId;
    }

    public String description() {
        return "this machine, JDK " + javaHome;
    }

    @Override
    public RunOutcome run() {
        directory.clean();
        Path java = javaHome.resolve("bin/java");
        if (!Files.isExecutable(java)) {
            return directory.finish(RunOutcome.broken(platformId, "host", description(), "no executable " + java), declared);
        }
        List<String> command = command(java);
        long start = System.nanoTime();
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.consoleLog().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            long wall = (System.nanoTime() - start) / 1_000_000;
            Optional<VerdictTally> tally = directory.tally();
            if (!exited) {
                return directory.finish(new RunOutcome(platformId, "host", description(), Optional.empty(), RunStatus.BROKEN,
                        "timed out after " + timeout.toSeconds() + " s", Optional.empty(), wall, tally), declared);
            }
            int exit = process.exitValue();
            RunStatus status = exit == 0 && tally.isPresent() ? RunStatus.COMPLETED : RunStatus.BROKEN;
            String note = exit != 0 ? "runner exited with " + exit
                    : tally.isEmpty() ? "runner wrote no readable observations.json: " + directory.whyNoTally() : "";
            return directory.finish(new RunOutcome(platformId, "host", description(), Optional.empty(), status, note,
                    Optional.of(exit), wall, tally), declared);
        } catch (IOException e) {
            return directory.finish(RunOutcome.broken(platformId, "host", description(), "could not start " + java + ": " + e.getMessage()), declared);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return directory.finish(RunOutcome.broken(platformId, "host", description(), "interrupted"), declared);
        }
    }

    /** {@code java -XX:… -Dportzero.…=… -jar runner.jar --out DIR}: the runner's VM options, the forwarded properties, then the runner. */
    List<String> command(Path java) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(RunnerSettings.RUNNER_VM_OPTIONS);
        command.addAll(runner.jvmArguments(platformId));
        command.addAll(List.of("-jar", runnerJar.toString(), "--out", directory.path().toString()));
        return command;
    }
}
