package org.portzero.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.portzero.containers.matrix.MatrixLaunch;
import org.portzero.containers.matrix.MatrixOptions;
import org.portzero.containers.matrix.MatrixProperty;
import org.portzero.containers.matrix.ProgressMode;
import org.portzero.model.RunnerProperty;
import org.portzero.model.RunnerSettings;
import org.portzero.suites.runner.PropertyOptions;
import org.portzero.suites.runner.SelectionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code matrix}: the platform matrix as {@code mvn verify} runs it (containers' {@code MatrixMain}), in
 * a JVM of its own that gets what the build gives it — the Testcontainers environment, the logging
 * settings and every {@link MatrixProperty} ({@link MatrixLaunch}) — so it runs without Maven. The
 * paths default to a built clone, from its root. It writes OUT/runs/ and OUT/platform-runs.json;
 * {@code report} then makes the reports and gates.
 */
@Command(name = "matrix", mixinStandardHelpOptions = true, versionProvider = PortzeroVersion.class,
        description = {"Runs the platform matrix: the host platform(s), then every container platform when a Docker",
                "engine answers; writes OUT/runs/<platform>/ and OUT/platform-runs.json. Then 'portzero report'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every platform ran, no fail, no broken", "1:a check failed or a platform broke",
                "2:bad arguments, a malformed platform.yaml, no runner jar",
                "3:--require-containers, and no Docker engine"})
public final class MatrixCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/portzero",
            description = "Where runs/ and platform-runs.json go (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--platforms", split = ",", paramLabel = "ID",
            description = "The platforms to run, comma-separated (default: host and every container platform).")
    private List<String> platforms = List.of();

    @Option(names = "--platforms-dir", split = ",", paramLabel = "DIR",
            description = "Folders of platforms of your own, beside the bundled ones.")
    private List<Path> platformsDir = List.of();

    @Option(names = "--platforms-home", paramLabel = "DIR", defaultValue = "containers/platforms",
            description = "The bundled platforms (default: ${DEFAULT-VALUE}).")
    private Path platformsHome;

    @Option(names = "--runner-jar", paramLabel = "FILE", defaultValue = "suites/target/portzero-suites-runner.jar",
            description = "The runner every platform runs (default: ${DEFAULT-VALUE}).")
    private Path runnerJar;

    @Option(names = "--host-jdks", split = ",", paramLabel = "DIR", description = "One more host platform per JDK home.")
    private List<Path> hostJdks = List.of();

    @Option(names = "--host-ipv6", arity = "0..1", fallbackValue = "true", defaultValue = "true", paramLabel = "BOOL",
            description = "Whether the host platforms must have IPv6 loopback (default: ${DEFAULT-VALUE}).")
    private boolean hostIpv6;

    @Option(names = "--require-containers", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "No Docker engine is an error (exit 3), not a banner.")
    private boolean requireContainers;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "2",
            description = "Platforms running at once (default: ${DEFAULT-VALUE}).")
    private int parallel;

    @Option(names = "--progress", paramLabel = "MODE",
            description = "${COMPLETION-CANDIDATES}: a line per family and heartbeats, or one line per platform "
                    + "(default: quiet under CI=true, else live).")
    private ProgressMode progress;

    @Option(names = "--debian-mirror", paramLabel = "URL", description = "Where base images are made from.")
    private String debianMirror;

    @Option(names = "--runsc-runtime", paramLabel = "NAME",
            description = "The engine's runtime registration gVisor platforms run under (default runsc).")
    private String runscRuntime;

    @Option(names = "--runsc-log", paramLabel = "DIR",
            description = "Where runsc writes its logs, read for a dead sandbox's panic (default /var/log/runsc).")
    private String runscLog;

    @Mixin
    private SelectionOptions selection = new SelectionOptions();

    @Mixin
    private PropertyOptions properties = new PropertyOptions();

    @Spec
    private CommandSpec spec;

    /** The matrix JVM this command line asks for. */
    MatrixLaunch launch() {
        Map<MatrixProperty, String> given = new EnumMap<>(MatrixProperty.class);
        given.put(MatrixProperty.OUT, absolute(out));
        given.put(MatrixProperty.RUNNER_JAR, absolute(runnerJar));
        given.put(MatrixProperty.PLATFORMS_HOME, absolute(platformsHome));
        given.put(MatrixProperty.PLATFORMS, String.join(",", platforms));
        given.put(MatrixProperty.PLATFORMS_DIR, platformsDir.stream().map(MatrixCommand::absolute).collect(Collectors.joining(",")));
        given.put(MatrixProperty.INVOKED_FROM, absolute(Path.of("")));
        given.put(MatrixProperty.STOP_WITH_PARENT, "true");
        given.put(MatrixProperty.HOST_JDKS, hostJdks.stream().map(MatrixCommand::absolute).collect(Collectors.joining(",")));
        given.put(MatrixProperty.HOST_IPV6, Boolean.toString(hostIpv6));
        given.put(MatrixProperty.REQUIRE_CONTAINERS, Boolean.toString(requireContainers));
        given.put(MatrixProperty.PARALLEL, Integer.toString(parallel));
        if (progress != null) {
            given.put(MatrixProperty.PROGRESS, progress.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (debianMirror != null) {
            given.put(MatrixProperty.DEBIAN_MIRROR, debianMirror);
        }
        if (runscRuntime != null) {
            given.put(MatrixProperty.RUNSC_RUNTIME, runscRuntime);
        }
        if (runscLog != null) {
            given.put(MatrixProperty.RUNSC_LOG, runscLog);
        }
        Map<RunnerProperty, String> runner = new EnumMap<>(RunnerProperty.class);
        runner.putAll(selection.given());
        runner.putAll(properties.given());
        return new MatrixLaunch(given, new RunnerSettings(runner));
    }

    @Override
    public Integer call() throws InterruptedException, java.io.IOException {
        MatrixLaunch launch = launch();
        Properties check = launch.systemProperties();
        check.setProperty("java.home", System.getProperty("java.home"));
        try {
            MatrixOptions.from(check);   // refused here as the matrix would refuse it
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Process matrix = launch.process(Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.class.path")).start();
        // Stopped from outside, the matrix stops too: its own shutdown hooks remove its containers.
        Thread stop = new Thread(() -> {
            matrix.destroy();
            try {
                matrix.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "portzero-matrix-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int exit = matrix.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        return exit;
    }

    private static String absolute(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }
}
