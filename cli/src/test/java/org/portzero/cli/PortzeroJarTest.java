package org.portzero.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar cli/target/portzero.jar} as a user runs it, after the jar is packaged (the cli
 * module's {@code jar} test execution, phase integration-test): help, version, a real run of a few
 * checks; and the runner jar's own {@code --help}.
 */
class PortzeroJarTest {

    private static final Path JAR = Path.of(System.getProperty("portzero.cli.jar", "target/portzero.jar"));
    private static final Path RUNNER_JAR = Path.of(System.getProperty("portzero.runner.jar",
            "../suites/target/portzero-suites-runner.jar"));

    record Ran(int exit, String output) {
    }

    /** Run before packaging (an IDE, or -Dtest naming it), there is no jar yet: nothing to check. */
    @BeforeAll
    static void packaged() {
        assumeTrue(Files.isRegularFile(JAR), "no " + JAR + " yet: it is checked after package (mvn verify)");
    }

    private static Ran java(Path jar, Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Ran(process.exitValue(), output);
    }

    @Test
    void helpAndVersionExitZeroAndTheVersionIsTheProjects(@TempDir Path dir) throws Exception {
        Ran help = java(JAR, dir, "--help");
        assertThat(help.exit()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage: portzero", "run", "matrix", "report", "diff", "list-checks");
        Ran version = java(JAR, dir, "--version");
        assertThat(version.exit()).isZero();
        assertThat(version.output().strip()).isEqualTo("portzero " + System.getProperty("portzero.version"));
        Ran bad = java(JAR, dir, "report", "--bogus");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.output()).contains("Unknown option: '--bogus'", "Usage: portzero report");
    }

    @Test
    void theRunnerJarsOwnHelpExitsZero(@TempDir Path dir) throws Exception {
        Ran help = java(RUNNER_JAR, dir, "--help");
        assertThat(help.exit()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage: java -jar portzero-suites-runner.jar", "--out=DIR", "--checks");
    }

    @Test
    void runWritesTheObservationsOfTheChecksItSelects(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("pz");
        Ran run = java(JAR, dir, "run", "--out", out.toString(), "--checks", "bind0.tcp4_loopback_*");
        assertThat(run.exit()).as(run.output()).isZero();
        JsonNode observations = new ObjectMapper().readTree(out.resolve("observations.json").toFile());
        assertThat(observations.path("results")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.path("id").asText()).startsWith("bind0.tcp4_loopback_"));
        assertThat(out.resolve("platform.json")).isRegularFile();
    }
}
