package org.portzero.containers.run;

import org.portzero.containers.platform.DeclaredFacts;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.portzero.containers.platform.PlatformDefinition;
import org.portzero.model.Family;
import org.portzero.model.RunStatus;
import org.portzero.model.RunnerSettings;
import org.testcontainers.containers.output.OutputFrame;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A container platform's run: create the container from the platform's image with its settings,
 * copy the runner jar in, start it, wait for the exit (or the platform's timeout), copy the
 * output directory and the console out to {@code runs/<id>/} whatever the exit, remove the
 * container.
 */
public final class ContainerRun implements PlatformExecution {

    private final PlatformDefinition platform;
    private final String imageTag;
    private final Path runnerJar;
    private final RunOutput directory;
    private final HarnessContainers containers;
    private final RunnerSettings runner;
    /** Guards console.log between the streamed output and the whole log written at the end. */
    private final Object console = new Object();
    /** Once set, the streamed output no longer goes to console.log: the run wrote it whole, or was salvaged. */
    private boolean consoleSealed;

    public ContainerRun(PlatformDefinition platform, String imageTag, Path runnerJar, RunOutput directory,
                        HarnessContainers containers, RunnerSettings runner) {
        this.platform = platform;
        this.runner = runner;
        this.imageTag = imageTag;
        this.runnerJar = runnerJar;
        this.directory = directory;
        this.containers = containers;
    }

    @Override
    public String platformId() {
        return platform.id();
    }

    /** The same platform's run of {@code family} alone, into {@code output}: one sandbox of a {@link FamilySandboxesRun}. */
    ContainerRun of(Family family, RunOutput output) {
        return new ContainerRun(platform.withFamilies(List.of(family.id())), imageTag, runnerJar, output, containers, runner);
    }

    PlatformDefinition platform() {
        return platform;
    }

    RunOutput directory() {
        return directory;
    }

    String imageTag() {
        return imageTag;
    }

    HarnessContainers containers() {
        return containers;
    }

    RunnerSettings runner() {
        return runner;
    }

    private RunOutcome runContainer(Map<String, Long> phases) {
        directory.clean();
        ContainerSettings settings = ContainerSettings.of(platform, runner);
        long start = System.nanoTime();
        String containerId = null;
        PortzeroContainer container = new PortzeroContainer(imageTag)
                .withRunner(runnerJar)
                .withSettings(settings)
                .withHarnessLabels(containers.labelsFor(platform.id()));
        if (platform.kernel().isPresent()) {
            container.withAccelerator(Accelerator.onThisMachine());
        }
        try {
            container.start();
            long started = System.nanoTime();
            phases.put("createCopyInStart", (started - start) / 1_000_000);
            containerId = container.getContainerId();
            DockerClient docker = container.getDockerClient();
            // The output goes to console.log as it comes: a harness stopped mid-run keeps what the
            // container said without asking a Docker client that is shutting down with it.
            container.followOutput(this::streamToConsole);
            containers.started(containerId, () -> salvage(start));

            Integer exit = null;
            String note = "";
            try {
                exit = docker.waitContainerCmd(containerId).start()
                        .awaitStatusCode(platform.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (DockerClientException e) {
                note = "timed out after " + platform.timeout().toSeconds() + " s (platform timeout)";
                try {
                    docker.killContainerCmd(containerId).exec();
                } catch (RuntimeException ignored) {
                    // it may have exited meanwhile
                }
            }
            if (containers.stopping()) {
                return null;   // the harness is stopping: salvage() has kept what there is
            }
            long exited = System.nanoTime();
            phases.put("running", (exited - started) / 1_000_000);
            String copyProblem = copyOut(docker, containerId);
            synchronized (console) {
                consoleSealed = true;   // the whole log, in order, replaces what was streamed
                Files.writeString(directory.consoleLog(), container.getLogs());
            }
            long copied = System.nanoTime();
            phases.put("copyOut", (copied - exited) / 1_000_000);
            long wall = (copied - start) / 1_000_000;

            Optional<VerdictTally> tally = directory.tally();
            RunStatus status = exit != null && exit == 0 && tally.isPresent() ? RunStatus.COMPLETED : RunStatus.BROKEN;
            Path guestBroken = directory.path().resolve("guest-broken.txt");
            if (note.isEmpty() && Files.isRegularFile(guestBroken)) {
                note = "kernel guest: " + Files.readString(guestBroken).strip();
            }
            if (note.isEmpty() && exit != null && exit != 0) {
                note = exitCause(docker, containerId, exit) + lastLine(directory.consoleLog());
                if (platform.runtime().sandboxPerFamily()) {
                    // A runtime whose sandbox can die says why in its own log, not in the container's output.
                    SandboxLog log = SandboxLog.configured();
                    Optional<String> panic = log.panicOf(containerId);
                    note = panic.isPresent()
                            ? "the " + platform.runtime().stack() + " sandbox died (exit " + exit + "): " + panic.get()
                            : note + "; " + log.notFound(containerId);
                }
            }
            if (note.isEmpty() && tally.isEmpty()) {
                note = "runner wrote no readable observations.json: " + directory.whyNoTally()
                        + (copyProblem.isEmpty() ? "" : " (" + copyProblem + ")");
            }
            return new RunOutcome(platform.id(), "container", platform.description(), Optional.of(imageTag),
                    status, note, Optional.ofNullable(exit), wall, tally, phases);
        } catch (RuntimeException | IOException e) {
            long wall = (System.nanoTime() - start) / 1_000_000;
            return new RunOutcome(platform.id(), "container", platform.description(), Optional.of(imageTag),
                    RunStatus.BROKEN, "container failed: " + causes(e), Optional.empty(), wall, directory.tally(), phases);
        } finally {
            // Removed in the background: the run's wall time ends with its results copied out.
            String id = containerId;
            if (id != null) {
                containers.removeLater(id, problem -> {
                    if (!containers.stopping()) {
                        directory.appendToConsole(problem);
                    }
                }, container::stop);
            } else {
                try {
                    container.stop();
                } catch (RuntimeException ignored) {
                    // never created: nothing to remove
                }
            }
        }
    }

    /**
     * Why the container's process ended with {@code exit}: the OOM killer (Docker records it), a
     * signal (128 + n, the shell's convention Docker follows), or the runner's own exit code.
     */
    private String exitCause(DockerClient docker, String containerId, int exit) {
        boolean oomKilled = false;
        try {
            oomKilled = Boolean.TRUE.equals(docker.inspectContainerCmd(containerId).exec().getState().getOOMKilled());
        } catch (RuntimeException e) {
            // the exit code alone still says something
        }
        if (oomKilled) {
            return "killed by the kernel's OOM killer: the container reached its memory limit of "
                    + platform.memoryBytes() / (1024 * 1024) + " MiB (exit " + exit + ")";
        }
        if (exit > 128 && exit < 128 + 65) {
            int signal = exit - 128;
            String name = switch (signal) {
                case 9 -> "SIGKILL";
                case 15 -> "SIGTERM";
                case 6 -> "SIGABRT";
                case 11 -> "SIGSEGV";
                case 2 -> "SIGINT";
                default -> "signal " + signal;
            };
            return "the container's process was killed by " + name + " (exit " + exit + ")";
        }
        return "runner exited with " + exit;
    }

    /** ": " and the console's last non-blank line (what a process that died said last), or "". */
    private static String lastLine(Path consoleLog) {
        try (Stream<String> lines = Files.lines(consoleLog)) {
            return lines.map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b)
                    .map(l -> ": " + (l.length() > 200 ? l.substring(0, 200) + "…" : l)).orElse("");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** One frame of the container's output, appended to console.log while the run goes on. */
    private void streamToConsole(OutputFrame frame) {
        byte[] bytes = frame.getBytes();
        if (bytes == null) {
            return;   // the END frame
        }
        synchronized (console) {
            if (!consoleSealed) {
                try {
                    Files.write(directory.consoleLog(), bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * The harness is being stopped while this container runs: its console log holds what was
     * streamed so far; add a note and a run record saying so. The container itself is removed
     * by {@link HarnessContainers}.
     */
    private void salvage(long start) {
        String note = "interrupted: the harness was stopped (SIGINT/SIGTERM) while this platform ran;"
                + " its container was removed";
        synchronized (console) {
            consoleSealed = true;
        }
        directory.appendToConsole(note);
        directory.writeRecord(new RunOutcome(platform.id(), "container", platform.description(), Optional.of(imageTag),
                RunStatus.BROKEN, note, Optional.empty(), (System.nanoTime() - start) / 1_000_000, directory.tally()));
    }

    @Override
    public RunOutcome run() {
        Map<String, Long> phases = new LinkedHashMap<>();
        RunOutcome outcome = runContainer(phases);
        if (outcome == null) {
            return RunOutcome.broken(platform.id(), "container", platform.description(), "interrupted");
        }
        return directory.finish(outcome.withPhases(phases).withAccelerator(directory.accelerator()),
                DeclaredFacts.of(platform));
    }

    /** Copies {@code OUT_DIR} out into the run directory; an empty string, or what went wrong. */
    private String copyOut(DockerClient docker, String containerId) {
        try (InputStream in = docker.copyArchiveFromContainerCmd(containerId, ContainerSettings.OUT_DIR).exec();
             TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(in, 1 << 16))) {
            Path root = directory.path().toAbsolutePath().normalize();
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                String relative = slash < 0 ? "" : name.substring(slash + 1);
                if (relative.isEmpty()) {
                    continue;
                }
                Path target = root.resolve(relative).normalize();
                if (!target.startsWith(root)) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return "";
        } catch (NotFoundException e) {
            return ContainerSettings.OUT_DIR + " does not exist in the container";
        } catch (IOException | RuntimeException e) {
            return "copying " + ContainerSettings.OUT_DIR + " out failed: " + e.getMessage();
        }
    }


    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }
}
