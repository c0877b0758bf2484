package org.portzero.containers.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portzero.containers.platform.DeclaredFacts;
import org.portzero.model.RunnerSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Claim: a host platform's runner is started with the forwarded runner properties and its own platform id. */
class HostRunTest {

    @TempDir
    Path runs;

    @Test
    void theRunnerGetsTheForwardedPropertiesBeforeTheJar() {
        Properties given = new Properties();
        given.setProperty("portzero.seed", "424242");
        given.setProperty("portzero.examples", "50");
        given.setProperty("portzero.checks", "unique.generated_libc.ports_distinct");
        HostRun run = new HostRun("host", Path.of("/jdk"), Path.of("/r/runner.jar"), RunOutput.of(runs, "host"),
                Duration.ofMinutes(1), DeclaredFacts.host(true), RunnerSettings.from(given));

        assertThat(run.command(Path.of("/jdk/bin/java"))).containsExactly("/jdk/bin/java",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dportzero.seed=424242", "-Dportzero.examples=50",
                "-Dportzero.checks=unique.generated_libc.ports_distinct", "-Dportzero.platform=host",
                "-jar", "/r/runner.jar", "--out", runs.resolve("host").toString());
    }
}
