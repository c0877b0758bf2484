package org.portzero.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.portzero.model.PlatformRunsRecord;
import org.portzero.model.RunLayout;
import org.portzero.model.RunRecord;
import org.portzero.model.RunStatus;

/**
 * Wall time of the platform matrix against the number of container platforms, by running the
 * containers module's own {@code MatrixMain} (what {@code mvn verify} runs) in a child JVM with a
 * platform selection, into a private output directory; the figures come from the
 * {@code platform-runs.json} it writes (as {@code containers/bench/matrix-bench.sh} reads them).
 * Warm: the images exist. Cold: a platform whose image is not built yet — a Dockerfile platform
 * with a fresh nonce that installs a JDK from Debian's mirror on {@code portzero/base:debian13}.
 */
final class MatrixScaling {

    /** Container platforms in the order they are added: first the one-platform matrix, then more. */
    static final List<String> PLATFORM_ORDER = List.of("debian13-jdk25", "debian12-jdk17", "debian13-jdk21",
            "debian13-temurin25", "ipv4-only", "narrow-range", "reserved", "v6only");

    /** One matrix run: how many platforms, whole wall time, and each platform's own wall time. */
    record MatrixRun(int platforms, String kind, double wallSeconds, List<Double> platformSeconds) {
    }

    private final Path out;
    private final Path runnerJar;
    private final Path platformsHome;

    MatrixScaling(Path out, Path runnerJar, Path platformsHome) {
        this.out = out;
        this.runnerJar = runnerJar;
        this.platformsHome = platformsHome;
    }

    MatrixRun warm(int platforms, int round) throws IOException, InterruptedException {
        String selection = String.join(",", PLATFORM_ORDER.subList(0, platforms));
        return run(platforms, "warm", selection, null, "warm-" + platforms + "-" + round);
    }

    MatrixRun cold() throws IOException, InterruptedException {
        Path dir = out.resolve("cold-platform");
        Path platform = dir.resolve("bench-cold");
        Files.createDirectories(platform);
        Files.writeString(platform.resolve("platform.yaml"), """
                id: bench-cold
                description: benchmark only — debian13 base with OpenJDK 25 installed at build time (a cold image)
                image:
                  dockerfile: Dockerfile
                """);
        Files.writeString(platform.resolve("Dockerfile"), """
                FROM portzero/base:debian13
                RUN echo %s > /etc/portzero-bench-cold
                RUN apt-get update \\
                 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-25-jre-headless \\
                 && rm -rf /var/lib/apt/lists/* \\
                 && java -version
                RUN groupadd --gid 10001 portzero && useradd --uid 10001 --gid 10001 --create-home --shell /bin/sh portzero
                """.formatted(UUID.randomUUID()));
        try {
            return run(1, "cold", "bench-cold", dir, "cold-1");
        } finally {
            removeColdImages();
        }
    }

    private MatrixRun run(int platforms, String kind, String selection, Path userPlatforms, String label)
            throws IOException, InterruptedException {
        Path runOut = out.resolve("matrix").resolve(label);
        Files.createDirectories(runOut);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.com.github.dockerjava=off",
                "-Dportzero.out=" + runOut,
                "-Dportzero.runner.jar=" + runnerJar,
                "-Dportzero.platforms.home=" + platformsHome,
                "-Dportzero.platforms=" + selection,
                "-Dportzero.platforms.dir=" + (userPlatforms == null ? "" : userPlatforms.toString()),
                "-Dportzero.require-containers=true",
                "-Dportzero.parallel=2",
                "-cp", System.getProperty("java.class.path"),
                org.portzero.containers.matrix.MatrixMain.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(runOut.resolve("matrix.log").toFile());
        pb.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
        pb.environment().put("TESTCONTAINERS_HOST_OVERRIDE", "localhost");
        pb.environment().put("TESTCONTAINERS_CHECKS_DISABLE", "true");
        long start = System.nanoTime();
        int exit = pb.start().waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        PlatformRunsRecord record = PlatformRunsRecord.in(runOut).orElseThrow(() -> new IllegalStateException(
                "matrix " + label + " exited " + exit + " without " + RunLayout.PLATFORM_RUNS + "; see "
                        + runOut.resolve("matrix.log")));
        List<Double> each = new ArrayList<>();
        for (RunRecord p : record.platforms()) {
            if (p.status() != RunStatus.COMPLETED) {
                throw new IllegalStateException("platform " + p.platform() + " did not complete in "
                        + label + ": " + p.note() + "; see " + runOut.resolve("matrix.log"));
            }
            each.add(p.wallMillis() / 1000.0);
        }
        MicroRun.say(String.format("matrix %s: %d platform(s) in %.1f s (exit %d: the gate's verdict, not timed)",
                label, platforms, wall, exit));
        return new MatrixRun(platforms, kind, wall, each);
    }

    private static void removeColdImages() throws IOException, InterruptedException {
        Process list = new ProcessBuilder("docker", "images", "--format", "{{.Repository}}:{{.Tag}}", "portzero/bench-cold")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> tags = new String(list.getInputStream().readAllBytes()).lines().filter(s -> !s.isBlank()).toList();
        list.waitFor();
        if (!tags.isEmpty()) {
            List<String> rmi = new ArrayList<>(List.of("docker", "rmi", "-f"));
            rmi.addAll(tags);
            new ProcessBuilder(rmi).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
    }
}
