package org.portzero.containers.matrix;

import com.github.dockerjava.api.DockerClient;
import org.portzero.containers.image.BaseImages;
import org.portzero.containers.image.ImageOutcome;
import org.portzero.containers.image.PlatformImages;
import org.portzero.containers.platform.PlatformDefinition;
import org.portzero.containers.platform.PlatformDefinitionReader;
import org.portzero.containers.platform.PlatformsFolder;
import org.portzero.containers.run.ContainerRun;
import org.portzero.containers.run.EngineRuntimes;
import org.portzero.containers.run.FamilySandboxesRun;
import org.portzero.containers.run.HarnessContainers;
import org.portzero.containers.run.HostRun;
import org.portzero.containers.run.PlatformExecution;
import org.portzero.containers.run.RunOutcome;
import org.portzero.containers.run.RunOutput;
import org.portzero.model.Gate;
import org.portzero.model.MalformedInput;
import org.portzero.model.PlatformRunsRecord;
import org.portzero.model.RunLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The platform matrix, run by {@code mvn verify} (module containers, phase integration-test):
 * host platforms first, then, when a Docker engine answers, every container platform — images
 * made as needed, at most {@code portzero.parallel} platforms running at once. Prints one line
 * per platform with the {@code k/N platforms} counter, and, unless quiet ({@link ProgressMode}), a
 * line per finished family and heartbeats ({@link LiveProgress}); exits non-zero when a platform
 * broke or any check is FAIL or BROKEN.
 *
 * <p>Exit codes: 0 gate passed; 1 gate failed; 2 bad input (platform.yaml, selection, no
 * runner jar); 3 containers required but no engine.
 */
public final class MatrixMain {

    private static final Duration HOST_TIMEOUT = Duration.ofMinutes(10);
    /** How long the matrix waits, at its end, for the engine to remove the exited containers. */
    private static final Duration REMOVALS_TIMEOUT = Duration.ofMinutes(2);
    /** How long a platform or an image build may be silent before the heartbeat names it. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);

    private MatrixMain() {
    }

    public static void main(String[] args) {
        if (Boolean.getBoolean(MatrixProperty.STOP_WITH_PARENT.key())) {
            stopWithParent();
        }
        System.exit(run(MatrixOptions.from(System.getProperties())));
    }

    /**
     * Maven forks the matrix and does not pass SIGTERM on: when the build that started it is
     * gone, the matrix stops too (exit 143), and its shutdown hooks remove the containers and
     * keep what finished.
     */
    private static void stopWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            say("the build that started the platform matrix (pid " + parent.pid() + ") is gone: stopping");
            System.exit(143);
        }));
    }

    static synchronized void say(String line) {
        System.out.println("[portzero] " + line);
        System.out.flush();
    }

    /** A progress line as it is ({@code [debian13-jdk25] unique 43/43 ✓ 6.2 s}). */
    static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }

    static int run(MatrixOptions options) {
        Instant started = Instant.now();
        long start = System.nanoTime();

        MatrixPlan plan;
        try {
            PlatformDefinitionReader reader = new PlatformDefinitionReader();
            List<PlatformsFolder> folders = new ArrayList<>();
            folders.add(reader.readEach(options.platformsHome()));
            for (Path dir : options.userPlatformDirs()) {
                folders.add(reader.readEach(dir.toAbsolutePath()));
            }
            List<MalformedInput> malformed = folders.stream().flatMap(f -> f.malformed().stream()).toList();
            if (!malformed.isEmpty()) {
                // Every malformed file is named at once; the run does not start on a partial matrix.
                malformed.forEach(e -> say("ERROR: " + e.getMessage()));
                say(malformed.size() + " malformed platform.yaml file(s); the well-formed ones were: " + String.join(", ",
                        folders.stream().flatMap(f -> f.definitions().stream()).map(PlatformDefinition::id).toList()));
                return 2;
            }
            List<PlatformDefinition> definitions = folders.stream().flatMap(f -> f.definitions().stream()).toList();
            plan = MatrixPlan.of(definitions, options.buildJavaHome(), options.hostJdks(), options.selection());
        } catch (MalformedInput | MatrixPlan.Invalid e) {
            say("ERROR: " + e.getMessage());
            return 2;
        }
        if (!Files.isRegularFile(options.runnerJar())) {
            say("ERROR: no runner jar at " + options.runnerJar()
                    + " — build it first: mvn -B -pl suites -am package -DskipTests");
            return 2;
        }
        int idWidth = Stream.concat(plan.ids().stream(), Stream.of("platform"))
                .mapToInt(String::length).max().orElse(8);
        say("platform matrix: " + String.join(", ", plan.ids()) + " → " + options.runsDir());
        if (!options.runner().forwarded().isEmpty()) {
            say("every platform's runner gets " + String.join(" ", options.runner().forwarded().entrySet().stream()
                    .map(e -> e.getKey().argument(e.getValue())).toList()));
        }
        Interruption interruption = new Interruption(options, plan.ids(), started, start);
        Runtime.getRuntime().addShutdownHook(new Thread(interruption::stopped, "portzero-interrupted"));

        DockerEngine engine = plan.containers().isEmpty()
                ? new DockerEngine(java.util.Optional.empty(), "not needed (no container platform selected)")
                : DockerEngine.probe();
        if (!plan.containers().isEmpty() && !engine.available()) {
            if (options.requireContainers()) {
                say("ERROR: container platforms are required (portzero.require-containers=true) but " + engine.summary());
                say("Start a Docker engine, or fix the one named above (see docs/PLATFORMS.md, Troubleshooting), and run again.");
                return 3;
            }
            banner("CONTAINER PLATFORMS SKIPPED: " + engine.summary(),
                    "Only the host platform(s) ran. Skipped: "
                            + String.join(", ", plan.containers().stream().map(PlatformDefinition::id).toList()),
                    "Start dockerd, or pass -Dportzero.require-containers=true to make this an error.");
        } else if (!plan.containers().isEmpty()) {
            say(engine.summary());
        }

        int running = plan.hosts().size() + (engine.available() ? plan.containers().size() : 0);
        LiveProgress progress = new LiveProgress(ProgressMode.choose(System.getProperty(ProgressMode.PROPERTY),
                System.getenv()), running, HEARTBEAT.toMillis(), System::nanoTime, MatrixMain::print);
        ConsoleTail consoles = new ConsoleTail(progress::console);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "portzero-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(consoles::poll, 1, 1, TimeUnit.SECONDS);
        ticker.scheduleWithFixedDelay(progress::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);

        Map<String, Future<RunOutcome>> pending = new LinkedHashMap<>();
        List<RunOutcome> immediate = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.parallel(), runnable -> {
            Thread thread = new Thread(runnable, "portzero-platform");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (HostPlatform host : plan.hosts()) {
                HostRun run = new HostRun(host.id(), host.javaHome(), options.runnerJar(),
                        RunOutput.of(options.runsDir(), host.id()), HOST_TIMEOUT,
                        options.hostFacts(), options.runner());
                pending.put(host.id(), pool.submit(() -> interruption.finished(announce(followed(run,
                        RunOutput.of(options.runsDir(), host.id()), "running its first family", progress, consoles),
                        idWidth, progress))));
            }
            HarnessContainers containers = null;
            if (engine.available() && !plan.containers().isEmpty()) {
                DockerClient docker = engine.client().orElseThrow();
                containers = new HarnessContainers(docker, MatrixMain::say);
                containers.sweepStale();
                PlatformImages images = new PlatformImages(docker,
                        new BaseImages(docker, options.imagesDir(), options.debianMirror(), MatrixMain::say),
                        options.imagesDir(), MatrixMain::say);
                EngineRuntimes runtimes = EngineRuntimes.of(docker);
                for (PlatformDefinition platform : StartOrder.longestFirst(plan.containers(), lastRun(options))) {
                    Optional<String> noRuntime = runtimes.whyNot(platform);
                    if (noRuntime.isPresent()) {
                        immediate.add(interruption.finished(announce(runtimeMissing(platform, noRuntime.get(), options),
                                idWidth, progress)));
                        continue;
                    }
                    ImageOutcome image;
                    try (LiveProgress.Step building = progress.during(platform.id(), "making its image")) {
                        image = images.ensure(platform, plan.known());
                    }
                    if (image instanceof ImageOutcome.Ready ready) {
                        ContainerRun whole = new ContainerRun(platform, ready.tag(), options.runnerJar(),
                                RunOutput.of(options.runsDir(), platform.id()), containers, options.runner());
                        PlatformExecution run = platform.runtime().sandboxPerFamily() ? new FamilySandboxesRun(whole) : whole;
                        String silence = platform.kernel().isPresent() ? "booting its kernel guest" : "starting its container";
                        pending.put(platform.id(), pool.submit(() -> interruption.finished(announce(followed(run,
                                RunOutput.of(options.runsDir(), platform.id()), silence, progress, consoles),
                                idWidth, progress))));
                    } else {
                        immediate.add(interruption.finished(announce(
                                unavailable(platform, (ImageOutcome.Unavailable) image, options), idWidth, progress)));
                    }
                }
                try {
                    images.removeDangling();
                } catch (RuntimeException e) {
                    say("could not remove dangling build images: " + e.getMessage());
                }
            } else {
                for (PlatformDefinition platform : plan.containers()) {
                    immediate.add(RunOutcome.skipped(platform.id(), "container", platform.description(), engine.summary()));
                }
            }

            List<RunOutcome> outcomes = new ArrayList<>(immediate);
            for (Map.Entry<String, Future<RunOutcome>> entry : pending.entrySet()) {
                try {
                    outcomes.add(entry.getValue().get());
                } catch (ExecutionException e) {
                    outcomes.add(RunOutcome.broken(entry.getKey(), "?", "", "harness error: " + e.getCause()));
                }
            }
            if (containers != null) {
                containers.awaitRemovals(REMOVALS_TIMEOUT);   // inside the matrix's wall time
            }
            List<String> order = plan.ids();
            outcomes.sort(Comparator.comparingInt(o -> order.indexOf(o.platform())));
            interruption.summarised();
            return summarise(options, plan, outcomes, started, (System.nanoTime() - start) / 1_000_000, engine, idWidth);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            say("ERROR: interrupted");
            return 1;
        } finally {
            pool.shutdownNow();
            ticker.shutdownNow();
        }
    }

    /** The last matrix run's record, to order this one's starts by; none when it is missing or unreadable (said). */
    private static Optional<PlatformRunsRecord> lastRun(MatrixOptions options) {
        try {
            return PlatformRunsRecord.in(options.out());
        } catch (RuntimeException e) {
            say("starting the platforms in plan order: the last run's record is unreadable: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Runs a platform with its console followed: each family it finishes shows as it finishes, and the
     * heartbeat names it while it is silent ({@code silence} says what it is then busy with).
     */
    private static RunOutcome followed(PlatformExecution run, RunOutput directory, String silence,
                                       LiveProgress progress, ConsoleTail consoles) {
        directory.clean();   // what an earlier run left is never read as this run's progress
        progress.started(run.platformId(), silence);
        consoles.follow(run.platformId(), directory.consoleLog());
        try {
            return run.run();
        } finally {
            consoles.stop(run.platformId());
        }
    }

    /**
     * What a stopped harness (SIGINT, SIGTERM: the JVM's shutdown hooks run) leaves: the run
     * directories of the platforms that finished, and a {@code platform-runs.json} listing them
     * and the ones that did not, as broken with the reason.
     */
    private static final class Interruption {
        private final MatrixOptions options;
        private final List<String> ids;
        private final Instant started;
        private final long start;
        private final Map<String, RunOutcome> finished = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile boolean summarised;

        Interruption(MatrixOptions options, List<String> ids, Instant started, long start) {
            this.options = options;
            this.ids = ids;
            this.started = started;
            this.start = start;
        }

        RunOutcome finished(RunOutcome outcome) {
            finished.put(outcome.platform(), outcome);
            return outcome;
        }

        void summarised() {
            summarised = true;
        }

        void stopped() {
            if (summarised) {
                return;
            }
            List<RunOutcome> outcomes = new ArrayList<>();
            for (String id : ids) {
                outcomes.add(finished.getOrDefault(id, RunOutcome.broken(id, "?", "",
                        "interrupted: the harness was stopped (SIGINT/SIGTERM) before this platform finished")));
            }
            say("INTERRUPTED: " + finished.size() + " of " + ids.size() + " platform(s) finished; their results stay in "
                    + options.runsDir() + "; running containers are being removed");
            try {
                MatrixReport.write(options.out(), started,
                        (System.nanoTime() - start) / 1_000_000, "interrupted", outcomes);
            } catch (IOException | RuntimeException e) {
                say("could not write " + RunLayout.PLATFORM_RUNS + ": " + e.getMessage());
            }
        }
    }

    /** The platform's closing line, with the {@code k/N platforms} counter. */
    private static RunOutcome announce(RunOutcome outcome, int idWidth, LiveProgress progress) {
        say(MatrixReport.line(outcome, idWidth) + "  · " + progress.finished(outcome.platform()));
        return outcome;
    }

    /**
     * A platform whose runtime the engine has not registered: skipped, loudly, or broken when container
     * platforms are required ({@code -Dportzero.require-containers=true}).
     */
    private static RunOutcome runtimeMissing(PlatformDefinition platform, String why, MatrixOptions options) {
        if (options.requireContainers()) {
            RunOutput directory = RunOutput.of(options.runsDir(), platform.id()).clean();
            RunOutcome outcome = RunOutcome.broken(platform.id(), "container", platform.description(), why);
            directory.appendToConsole(outcome.note());
            directory.writeRecord(outcome);
            return outcome;
        }
        banner("PLATFORM " + platform.id() + " SKIPPED: " + why,
                "Pass -Dportzero.require-containers=true to make this an error.");
        removeStale(RunOutput.of(options.runsDir(), platform.id()));
        return RunOutcome.skipped(platform.id(), "container", platform.description(), why);
    }

    /** A skipped platform has no run directory: what an earlier run left there is removed. */
    private static void removeStale(RunOutput directory) {
        try {
            if (Files.exists(directory.path())) {
                directory.clean();
                Files.delete(directory.path());
            }
        } catch (IOException | UncheckedIOException e) {
            say("could not remove " + directory.path() + ": " + e.getMessage());
        }
    }

    /** A platform whose image is missing: skipped by design, or broken (its run dir says why). */
    private static RunOutcome unavailable(PlatformDefinition platform, ImageOutcome.Unavailable image, MatrixOptions options) {
        RunOutput directory = RunOutput.of(options.runsDir(), platform.id());
        if (image.skipped()) {
            removeStale(directory);
            return RunOutcome.skipped(platform.id(), "container", platform.description(), image.reason());
        }
        directory.clean();
        RunOutcome outcome = RunOutcome.broken(platform.id(), "container", platform.description(),
                "no image: " + image.reason());
        directory.appendToConsole(outcome.note());
        Path buildLog = options.imagesDir().resolve(platform.id()).resolve("build.log");
        if (Files.isRegularFile(buildLog)) {
            try {
                List<String> lines = Files.readAllLines(buildLog);
                directory.appendToConsole("last lines of " + buildLog + ":\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            } catch (IOException e) {
                directory.appendToConsole("could not read " + buildLog + ": " + e.getMessage());
            }
        }
        directory.writeRecord(outcome);
        return outcome;
    }

    private static int summarise(MatrixOptions options, MatrixPlan plan, List<RunOutcome> outcomes, Instant started,
                                 long wallMillis, DockerEngine engine, int idWidth) {
        say("──── platform matrix: " + outcomes.size() + " platform(s) in " + MatrixReport.seconds(wallMillis) + " ────");
        for (RunOutcome outcome : outcomes) {
            say(MatrixReport.line(outcome, idWidth));
        }
        try {
            MatrixReport.write(options.out(), started, wallMillis, engine.summary(), outcomes);
        } catch (IOException e) {
            say("could not write " + RunLayout.PLATFORM_RUNS + ": " + e.getMessage());
        }
        Gate.Decision gate = MatrixReport.gate(outcomes);
        MatrixReport.gateLines(gate).forEach(MatrixMain::say);
        return gate.passes() ? 0 : 1;
    }

    private static void banner(String... lines) {
        String rule = "!".repeat(78);
        say(rule);
        for (String line : lines) {
            say("!! " + line);
        }
        say(rule);
    }
}
