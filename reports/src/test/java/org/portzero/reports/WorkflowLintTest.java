package org.portzero.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI recipe {@code .github/workflows/portzero.yml}: linted against GitHub's workflow schema by
 * action-validator ({@code @action-validator/cli} 0.6.0 from the npm registry, installed under
 * {@code target/} on first use; skipped, saying so, without npm), and checked for the shape the
 * README promises: one job per platform that exists, a merge job after them that publishes the JUnit XML
 * with a pinned reporting action and carries the Allure history from run to run, and the weekly
 * JDK-EA watch that diffs the newest early-access platform against its column in the last main matrix.
 */
class WorkflowLintTest {

    private static final String VALIDATOR = "@action-validator/cli@0.6.0";
    private static final Path WORKFLOW = Path.of(System.getProperty("portzero.workflow", "../.github/workflows/portzero.yml"));
    private static final Path PREFIX = Path.of("target/action-validator").toAbsolutePath();

    @Test
    void action_validator_accepts_the_workflow_and_rejects_a_broken_copy(@TempDir Path tmp) throws Exception {
        Path cli = PREFIX.resolve("node_modules/@action-validator/cli/cli.mjs");
        if (!Files.isRegularFile(cli)) {
            assumeTrue(onPath("npm") && onPath("node"), "npm and node are needed to install " + VALIDATOR);
            assertThat(run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", PREFIX.toString(), VALIDATOR)).exit)
                    .as("npm install %s", VALIDATOR).isZero();
        }
        Result good = run(List.of("node", cli.toString(), WORKFLOW.toString()));
        assertThat(good.exit).as("action-validator on %s: %s", WORKFLOW, good.output).isZero();

        Path broken = tmp.resolve("broken.yml");
        Files.writeString(broken, Files.readString(WORKFLOW).replaceFirst("runs-on:", "runs_on:"));
        Result bad = run(List.of("node", cli.toString(), broken.toString()));
        assertThat(bad.exit).as("a job without runs-on must be refused").isNotZero();
        assertThat(bad.output).contains("runs_on");
    }

    @Test
    void every_platform_job_names_a_platform_and_the_reports_job_merges_them() throws Exception {
        JsonNode workflow = new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
        JsonNode include = workflow.path("jobs").path("platform").path("strategy").path("matrix").path("include");
        assertThat(include).isNotEmpty();
        Path platforms = WORKFLOW.getParent().getParent().getParent().resolve("containers/platforms");
        List<String> ids = new ArrayList<>();
        for (JsonNode row : include) {
            String platform = row.path("platform").asText();
            ids.add(row.path("id").asText());
            assertThat(platform.equals("host") || Files.isRegularFile(platforms.resolve(platform).resolve("platform.yaml")))
                    .as("platform %s exists in containers/platforms", platform).isTrue();
        }
        assertThat(ids).doesNotHaveDuplicates();
        // A platform job goes red on its own failures: it runs the gating one-platform command, unmuted.
        JsonNode platformJob = workflow.path("jobs").path("platform");
        assertThat(platformJob.path("continue-on-error").isMissingNode()).as("platform job continue-on-error").isTrue();
        String run = platformJob.path("steps").findValuesAsText("run").stream()
                .filter(r -> r.contains("mvn")).findFirst().orElse("");
        assertThat(run).contains("-pl containers -am verify").doesNotContain("|| true").doesNotContain("set +e");
        JsonNode reports = workflow.path("jobs").path("reports");
        assertThat(reports.path("needs").asText()).isEqualTo("platform");
        assertThat(reports.path("if").asText()).isEqualTo("always() && github.event_name != 'schedule'");
        assertThat(platformJob.path("if").asText()).isEqualTo("github.event_name != 'schedule'");
        assertThat(reports.toString()).contains("GITHUB_STEP_SUMMARY", "portzero-reports.jar", "--baseline=",
                "portzero-matrix", "portzero-allure-report");
    }

    @Test
    void the_reports_job_publishes_the_junit_xml_with_a_pinned_action_and_carries_the_allure_history() throws Exception {
        JsonNode reports = new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile()).path("jobs").path("reports");
        List<JsonNode> steps = new ArrayList<>();
        reports.path("steps").forEach(steps::add);
        JsonNode junit = steps.stream().filter(st -> st.path("uses").asText().startsWith("mikepenz/action-junit-report@"))
                .findFirst().orElseThrow(() -> new AssertionError("no JUnit reporting step in the reports job"));
        assertThat(junit.path("uses").asText()).as("pinned to a release").matches(".*@v\\d+\\.\\d+\\.\\d+");
        assertThat(junit.path("if").asText()).as("published when the gate failed too").isEqualTo("always()");
        assertThat(junit.path("with").path("report_paths").asText()).isEqualTo("target/portzero/junit/TEST-*.xml");
        assertThat(junit.path("with").path("fail_on_failure").asText()).as("the gate fails the job, not the reporter")
                .isEqualTo("false");
        assertThat(reports.path("permissions").path("checks").asText()).isEqualTo("write");

        int merge = indexOf(steps, st -> st.path("run").asText().contains("portzero-reports.jar"));
        int fetch = indexOf(steps, st -> st.path("run").asText().contains("-n portzero-allure-history"));
        int keep = indexOf(steps, st -> st.path("with").path("name").asText().equals("portzero-allure-history"));
        assertThat(fetch).as("the previous history is fetched before the report is generated").isBetween(0, merge - 1);
        assertThat(steps.get(fetch).path("run").asText()).contains("-D target/portzero/allure-report/history");
        assertThat(keep).as("the new history is kept after it").isGreaterThan(merge);
        assertThat(steps.get(keep).path("with").path("path").asText()).isEqualTo("target/portzero/allure-report/history/");
        assertThat(steps.get(keep).path("if").asText()).isEqualTo("always()");
    }

    /** The newest early-access platform, picked the way the watch picks it: {@code sid-jdk<N>ea}, the highest N. */
    private static String newestEarlyAccess(Path platforms) throws java.io.IOException {
        try (var dirs = Files.list(platforms)) {
            return dirs.map(d -> d.getFileName().toString()).filter(n -> n.matches("sid-jdk\\d+ea"))
                    .max(java.util.Comparator.comparingInt(n -> Integer.parseInt(n.replaceAll("\\D", ""))))
                    .orElseThrow(() -> new AssertionError("no sid-jdk<N>ea platform in " + platforms));
        }
    }

    @Test
    void the_ea_watch_runs_weekly_on_the_newest_early_access_platform_and_publishes_its_diff() throws Exception {
        JsonNode workflow = new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
        assertThat(workflow.path("on").path("schedule").path(0).path("cron").asText()).as("weekly")
                .matches("\\S+ \\S+ \\* \\* [0-6]");
        JsonNode watch = workflow.path("jobs").path("ea-watch");
        assertThat(watch.path("if").asText()).isEqualTo("github.event_name == 'schedule'");
        List<JsonNode> steps = new ArrayList<>();
        watch.path("steps").forEach(steps::add);
        int pick = indexOf(steps, st -> st.path("run").asText().contains("grep -E '^sid-jdk[0-9]+ea$' | sort -V | tail -n 1"));
        int run = indexOf(steps, st -> st.path("run").asText().contains("-pl containers -am verify"));
        int fetch = indexOf(steps, st -> st.path("run").asText().contains("-n portzero-matrix"));
        int diff = indexOf(steps, st -> st.path("run").asText().contains("portzero-reports.jar"));
        int summary = indexOf(steps, st -> st.path("run").asText().contains("GITHUB_STEP_SUMMARY"));
        int publish = indexOf(steps, st -> st.path("with").path("name").asText().equals("portzero-ea-watch"));
        assertThat(List.of(pick, run, fetch, diff, summary, publish)).as("pick, run, fetch, diff, summary, publish")
                .doesNotContain(-1).isSorted();
        assertThat(steps.get(run).path("run").asText()).contains("$PLATFORM").doesNotContain("|| true");
        // The baseline is the last main push's matrix, cut to the watched column, so other platforms are not 'removed'.
        assertThat(steps.get(fetch).path("run").asText()).contains("--branch main", "--event push",
                "select(.key == $p)");
        assertThat(steps.get(diff).path("run").asText()).contains("--baseline=", "--runs=");
        assertThat(steps.get(publish).path("with").path("path").asText()).contains("diff.md", "diff.json");
        for (int i = fetch; i < steps.size(); i++) {
            assertThat(steps.get(i).path("if").asText()).as("step %s runs when the platform failed too",
                    steps.get(i).path("name").asText()).isEqualTo("always()");
        }
        // The main matrix has the watched platform's column.
        Path platforms = WORKFLOW.getParent().getParent().getParent().resolve("containers/platforms");
        List<String> mainPlatforms = workflow.path("jobs").path("platform").path("strategy").path("matrix")
                .path("include").findValuesAsText("platform");
        assertThat(mainPlatforms).contains(newestEarlyAccess(platforms));
    }

    private static int indexOf(List<JsonNode> steps, java.util.function.Predicate<JsonNode> which) {
        for (int i = 0; i < steps.size(); i++) {
            if (which.test(steps.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private record Result(int exit, String output) {
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static Result run(List<String> command) throws Exception {
        Path out = Files.createTempFile("portzero-lint", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String text = Files.readString(out);
        Files.delete(out);
        return new Result(p.exitValue(), text);
    }
}
