package org.portzero.containers.matrix;

import org.portzero.model.RunLayout;
import org.portzero.model.RunnerSettings;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The knobs of one matrix run, read from system properties (the build passes Maven properties
 * through): {@code portzero.out}, {@code portzero.runner.jar}, {@code portzero.platforms.home},
 * {@code portzero.platforms} (ids to run; all when empty), {@code portzero.platforms.dir} (user
 * platform folders, relative to {@code portzero.invoked.from}: where mvn was started), {@code portzero.host.jdks} (one host platform per JDK),
 * {@code portzero.require-containers}, {@code portzero.parallel}, {@code portzero.debian.mirror},
 * {@code portzero.host.ipv6} (whether the host platforms must have IPv6 loopback; default true),
 * and the runner properties forwarded to every platform ({@link RunnerSettings}: {@code portzero.seed},
 * {@code portzero.examples}, {@code portzero.families}, {@code portzero.checks}).
 */
public record MatrixOptions(
        Path out,
        Path runnerJar,
        Path platformsHome,
        List<String> selection,
        List<Path> userPlatformDirs,
        List<Path> hostJdks,
        boolean requireContainers,
        int parallel,
        String debianMirror,
        Path buildJavaHome,
        boolean hostIpv6,
        RunnerSettings runner) {

    public MatrixOptions {
        selection = List.copyOf(selection);
        userPlatformDirs = List.copyOf(userPlatformDirs);
        hostJdks = List.copyOf(hostJdks);
        if (parallel < 1) {
            throw new IllegalArgumentException("portzero.parallel must be at least 1, was " + parallel);
        }
    }

    public static MatrixOptions from(Properties properties) {
        Path out = Path.of(required(properties, MatrixProperty.OUT.key()));
        return new MatrixOptions(
                out,
                Path.of(required(properties, MatrixProperty.RUNNER_JAR.key())),
                Path.of(required(properties, MatrixProperty.PLATFORMS_HOME.key())),
                list(properties.getProperty(MatrixProperty.PLATFORMS.key())),
                list(properties.getProperty(MatrixProperty.PLATFORMS_DIR.key())).stream()
                        .map(dir -> invokedFrom(properties).resolve(dir).normalize()).toList(),
                list(properties.getProperty(MatrixProperty.HOST_JDKS.key())).stream().map(Path::of).toList(),
                Boolean.parseBoolean(properties.getProperty(MatrixProperty.REQUIRE_CONTAINERS.key(), "false").strip()),
                Integer.parseInt(properties.getProperty(MatrixProperty.PARALLEL.key(), "2").strip()),
                properties.getProperty(MatrixProperty.DEBIAN_MIRROR.key(), "").isBlank()
                        ? "http://deb.debian.org/debian" : properties.getProperty(MatrixProperty.DEBIAN_MIRROR.key()).strip(),
                Path.of(properties.getProperty("java.home")),
                !"false".equalsIgnoreCase(properties.getProperty(MatrixProperty.HOST_IPV6.key(), "true").strip()),
                RunnerSettings.from(properties));
    }

    /** What the host platforms declare: IPv6 loopback, unless {@code portzero.host.ipv6=false}. */
    public org.portzero.containers.platform.DeclaredFacts hostFacts() {
        return org.portzero.containers.platform.DeclaredFacts.host(hostIpv6);
    }

    public Path runsDir() {
        return RunLayout.runs(out);
    }

    public Path imagesDir() {
        return out.resolve("images");
    }

    /** Where the user started the build: relative folders they name are theirs, not the module's. */
    private static Path invokedFrom(Properties properties) {
        String dir = properties.getProperty(MatrixProperty.INVOKED_FROM.key(), "");
        return Path.of(dir.isBlank() ? properties.getProperty("user.dir", ".") : dir.strip()).toAbsolutePath();
    }

    static List<String> list(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String required(Properties properties, String name) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("system property " + name + " is required");
        }
        return value.strip();
    }
}
