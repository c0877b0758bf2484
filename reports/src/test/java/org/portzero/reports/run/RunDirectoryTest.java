package org.portzero.reports.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portzero.reports.FixtureRuns;

class RunDirectoryTest {

    @Test
    void a_complete_run_reads_every_result_and_its_facts() {
        PlatformRun run = RunDirectory.read(FixtureRuns.dir(FixtureRuns.K61_JDK17));
        assertThat(run.id()).isEqualTo("k61-jdk17");
        assertThat(run.broken()).as("broken note: %s", run.brokenNote()).isFalse();
        assertThat(run.results()).hasSize(11);
        assertThat(run.fact("kernel")).isEqualTo("6.1.0-28-cloud-amd64");
        assertThat(run.harnessVersion()).isEqualTo("0.1.0-SNAPSHOT");
    }

    @Test
    void a_truncated_observations_file_keeps_the_results_before_the_cut_and_is_broken() {
        PlatformRun run = RunDirectory.read(FixtureRuns.dir(FixtureRuns.TRUNCATED));
        assertThat(run.broken()).isTrue();
        assertThat(run.brokenNote()).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("observations.json truncated or malformed after " + run.results().size() + " results")
                .contains("platform matrix: runner exited with 137");
        assertThat(run.results()).hasSizeBetween(1, 10);
        assertThat(run.results()).allSatisfy(r -> assertThat(r.verdict()).isNotNull());
    }

    @Test
    void a_directory_without_observations_is_broken_with_that_reason(@TempDir Path dir) throws Exception {
        Path run = Files.createDirectory(dir.resolve("empty-platform"));
        PlatformRun read = RunDirectory.read(run);
        assertThat(read.broken()).isTrue();
        assertThat(read.brokenNote()).hasValueSatisfying(n -> assertThat(n).startsWith("no observations.json"));
        assertThat(read.results()).isEmpty();
    }
}
