package org.portzero.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report command end to end on saved fixture runs (matrix and diff; Allure in AllureReportTest). */
class ReportMainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEND = "connect0.udp4_loopback_send_libc.refused_by_kernel";

    @Test
    void reports_from_two_saved_runs_pass_the_gate(@TempDir Path out) throws Exception {
        int exit = ReportMain.run(new String[] {"--out=" + out, "--allure=false",
                "--runs=" + FixtureRuns.runsArgument(FixtureRuns.K618_JDK17, FixtureRuns.K618_JDK25)});
        assertThat(exit).isEqualTo(0);
        assertThat(out.resolve("matrix.html")).isRegularFile();
        assertThat(out.resolve("matrix.md")).isRegularFile();
        assertThat(JSON.readTree(out.resolve("matrix.json").toFile()).path("platforms")).hasSize(2);
        assertThat(out.resolve("diff.md")).doesNotExist();
    }

    @Test
    void a_fail_or_a_broken_platform_fails_the_gate_after_the_reports_are_written(@TempDir Path out) throws Exception {
        int exit = ReportMain.run(new String[] {"--out=" + out, "--allure=false",
                "--runs=" + FixtureRuns.runsArgument(FixtureRuns.K61_JDK17, FixtureRuns.TRUNCATED)});
        assertThat(exit).isEqualTo(ReportGate.PLATFORM_FAILING);
        assertThat(Files.readString(out.resolve("matrix.md"))).contains("`truncated`", "❌ `sendto -> 0 (sent)`");
    }

    @Test
    void a_platform_recorded_broken_without_a_run_directory_still_fails_the_gate(@TempDir Path out) throws Exception {
        Path runs = Files.createDirectories(out.resolve("runs"));
        Path good = Path.of(FixtureRuns.runsArgument(FixtureRuns.K618_JDK17));
        copy(good, runs.resolve("k618-jdk17"));
        Files.writeString(out.resolve("platform-runs.json"), """
                {"schemaVersion": 2, "started": "2026-12-02T00:00:00Z", "wallMillis": 1, "engine": "test",
                 "platforms": [
                  {"schemaVersion": 2, "platform": "k618-jdk17", "kind": "host", "status": "COMPLETED", "note": ""},
                  {"schemaVersion": 2, "platform": "ghost", "kind": "container", "status": "BROKEN",
                   "note": "harness error: java.lang.IllegalStateException"}]}
                """);
        int exit = ReportMain.run(new String[] {"--out=" + out, "--allure=false"});
        assertThat(exit).isEqualTo(ReportGate.PLATFORM_FAILING);
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    @Test
    void a_baseline_edited_to_flip_one_cell_yields_that_one_entry_and_a_failing_build(@TempDir Path out) throws Exception {
        String runs = FixtureRuns.runsArgument(FixtureRuns.K618_JDK17, FixtureRuns.K61_JDK17);
        Path first = Files.createDirectory(out.resolve("first"));
        ReportMain.run(new String[] {"--out=" + first, "--allure=false", "--runs=" + runs});
        ObjectNode baseline = (ObjectNode) JSON.readTree(first.resolve("matrix.json").toFile());
        for (JsonNode row : baseline.path("rows")) {
            if (row.path("id").asText().equals(SEND)) {
                ((ObjectNode) row.path("cells").path("k61-jdk17")).put("verdict", "pass").put("outcome", "EINVAL");
            }
        }
        Path baselineFile = out.resolve("baseline-matrix.json");
        JSON.writeValue(baselineFile.toFile(), baseline);

        Path second = Files.createDirectory(out.resolve("second"));
        int exit = ReportMain.run(new String[] {"--out=" + second, "--allure=false", "--runs=" + runs,
                "--baseline=" + baselineFile});

        assertThat(exit).isEqualTo(ReportGate.NEWLY_FAILING);
        JsonNode diff = JSON.readTree(second.resolve("diff.json").toFile());
        assertThat(diff.path("entries")).hasSize(1);
        assertThat(diff.path("counts").path("newly_failing").asInt()).isEqualTo(1);
        assertThat(diff.path("entries").get(0).path("kind").asText()).isEqualTo("newly_failing");
        assertThat(diff.path("entries").get(0).path("id").asText()).isEqualTo(SEND);
        String md = Files.readString(second.resolve("diff.md"));
        assertThat(md.lines().filter(l -> l.startsWith("| `"))).containsExactly(
                "| `k61-jdk17` | `" + SEND + "` | pass `EINVAL` | fail `sendto -> 0 (sent)` |");
        // matrix.html marks that one cell, its row alone is "changed since baseline", and the filter is offered.
        String html = Files.readString(second.resolve("matrix.html"));
        assertThat(html).contains("id=\"only-changed\"", "1 cell changed since the baseline", "1 newly_failing");
        assertThat(html.split("data-changed=\"true\"", -1)).hasSize(2);
        assertThat(html).containsPattern("data-id=\"" + java.util.regex.Pattern.quote(SEND) + "\"[^>]*data-changed=\"true\"");
        assertThat(html.split(" changed\" data-change=\"newly_failing\" data-platform=\"k61-jdk17\"", -1)).hasSize(2);
        assertThat(html).contains("<span class=\"delta\">newly_failing, was pass</span>");
        assertThat(Files.readString(first.resolve("matrix.html"))).as("no baseline, no marks and no filter")
                .doesNotContain("id=\"only-changed\"", "data-changed=\"true\"");
    }

    @Test
    void a_changed_observation_fails_only_under_strict_diff(@TempDir Path out) throws Exception {
        String runs = FixtureRuns.runsArgument(FixtureRuns.K618_JDK17);
        Path first = Files.createDirectory(out.resolve("first"));
        ReportMain.run(new String[] {"--out=" + first, "--allure=false", "--runs=" + runs});
        ObjectNode baseline = (ObjectNode) JSON.readTree(first.resolve("matrix.json").toFile());
        for (JsonNode row : baseline.path("rows")) {
            if (row.path("id").asText().equals(SEND)) {
                ((ObjectNode) row.path("cells").path("k618-jdk17")).put("outcome", "EADDRNOTAVAIL");
            }
        }
        Path baselineFile = out.resolve("baseline-matrix.json");
        JSON.writeValue(baselineFile.toFile(), baseline);

        Path lax = Files.createDirectory(out.resolve("lax"));
        assertThat(ReportMain.run(new String[] {"--out=" + lax, "--allure=false", "--runs=" + runs,
                "--baseline=" + baselineFile})).isEqualTo(0);
        assertThat(Files.readString(lax.resolve("diff.md"))).contains("### changed observation (1)");
        Path strict = Files.createDirectory(out.resolve("strict"));
        assertThat(ReportMain.run(new String[] {"--out=" + strict, "--allure=false", "--runs=" + runs,
                "--baseline=" + baselineFile, "--strict-diff=true"})).isEqualTo(ReportGate.NEWLY_FAILING);
    }

    @Test
    void a_truncated_run_among_good_ones_is_named_broken_with_its_file_and_line_and_the_others_are_reported(
            @TempDir Path out) throws Exception {
        int exit = ReportMain.run(new String[] {"--out=" + out, "--allure=false",
                "--runs=" + FixtureRuns.runsArgument(FixtureRuns.K618_JDK17, FixtureRuns.TRUNCATED, FixtureRuns.K618_JDK25)});
        assertThat(exit).isEqualTo(ReportGate.PLATFORM_FAILING);
        JsonNode platforms = JSON.readTree(out.resolve("matrix.json").toFile()).path("platforms");
        assertThat(platforms).hasSize(3);
        assertThat(platforms.get(0).path("status").asText()).isEqualTo("ran");
        assertThat(platforms.get(0).path("summary").path("total").asInt()).isEqualTo(11);
        assertThat(platforms.get(2).path("status").asText()).isEqualTo("ran");
        assertThat(platforms.get(2).path("summary").path("total").asInt()).isEqualTo(11);
        assertThat(platforms.get(1).path("status").asText()).isEqualTo("broken");
        assertThat(platforms.get(1).path("note").asText()).contains(
                FixtureRuns.dir(FixtureRuns.TRUNCATED).resolve("observations.json") + ":311:30: field 'results[4].id': ");
    }

    @Test
    void a_malformed_baseline_is_named_with_its_line_and_field_and_every_other_report_is_still_written(@TempDir Path out)
            throws Exception {
        Path baseline = Files.writeString(out.resolve("baseline-matrix.json"),
                "{\n  \"schema\" : \"portzero.matrix\",\n  \"schemaVersion\" : 1,\n  \"generatedAt\" : [\n");
        Files.writeString(out.resolve("diff.md"), "stale diff from an earlier run");
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream console = System.out;
        int exit;
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            exit = ReportMain.run(new String[] {"--out=" + out, "--allure=false",
                    "--runs=" + FixtureRuns.runsArgument(FixtureRuns.K618_JDK17), "--baseline=" + baseline});
        } finally {
            System.setOut(console);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("ERROR: baseline " + baseline + ":4:");
        assertThat(out.resolve("matrix.json")).isRegularFile();
        assertThat(out.resolve("matrix.html")).isRegularFile();
        assertThat(out.resolve("diff.md")).as("no stale diff is left to be read").doesNotExist();
    }

    @Test
    void bad_arguments_and_missing_runs_are_refused(@TempDir Path out) {
        assertThat(ReportMain.run(new String[] {"--out=" + out, "--bogus=1"})).isEqualTo(2);
        assertThat(ReportMain.run(new String[] {"--out=" + out})).isEqualTo(2);
        assertThat(ReportMain.run(new String[] {"--out=" + out, "--runs=" + out.resolve("nope")})).isEqualTo(2);
    }
}
