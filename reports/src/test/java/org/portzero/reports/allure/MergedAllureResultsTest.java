package org.portzero.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portzero.reports.FixtureRuns;
import org.portzero.reports.run.PlatformRun;

class MergedAllureResultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> results(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                out.add(JSON.readTree(f.toFile()));
            }
        }
        return out;
    }

    static String label(JsonNode result, String name) {
        for (JsonNode l : result.path("labels")) {
            if (l.path("name").asText().equals(name)) {
                return l.path("value").asText();
            }
        }
        return null;
    }

    @Test
    void every_platform_keeps_its_own_results_with_distinct_history_ids(@TempDir Path target) throws Exception {
        List<PlatformRun> runs = FixtureRuns.read(FixtureRuns.K618_JDK17, FixtureRuns.K618_JDK25, FixtureRuns.K61_JDK17);
        MergedAllureResults.Tally tally = MergedAllureResults.write(runs, target);

        List<JsonNode> results = results(target);
        assertThat(tally.results()).isEqualTo(33);
        assertThat(results).hasSize(33);
        assertThat(results).extracting(r -> r.path("historyId").asText()).doesNotHaveDuplicates();
        assertThat(results).extracting(r -> r.path("uuid").asText()).doesNotHaveDuplicates();
        assertThat(results).extracting(r -> label(r, "parentSuite")).containsOnly("k618-jdk17", "k618-jdk25", "k61-jdk17");
        JsonNode send = results.stream().filter(r -> r.path("name").asText().equals("connect0.udp4_loopback_send_libc.refused_by_kernel")
                && label(r, "parentSuite").equals("k61-jdk17")).findFirst().orElseThrow();
        assertThat(send.path("status").asText()).isEqualTo("failed");
        assertThat(label(send, "suite")).isEqualTo("connect0");
        assertThat(label(send, "subSuite")).isEqualTo("udp4_loopback_send_libc");
        assertThat(send.path("parameters").get(0).path("value").asText()).isEqualTo("k61-jdk17");
        assertThat(send.path("parameters").get(1).path("value").asText()).isEqualTo("6.1.0-28-cloud-amd64");
        assertThat(send.path("parameters").get(2).path("value").asText()).isEqualTo("Debian 17.0.15");
        for (JsonNode r : results) {
            for (JsonNode a : r.path("attachments")) {
                assertThat(target.resolve(a.path("source").asText())).isRegularFile();
            }
        }
    }

    @Test
    void the_same_platform_and_check_keep_their_history_id_across_runs(@TempDir Path target) throws Exception {
        Path one = Files.createDirectory(target.resolve("one"));
        Path two = Files.createDirectory(target.resolve("two"));
        MergedAllureResults.write(FixtureRuns.read(FixtureRuns.K618_JDK17), one);
        MergedAllureResults.write(FixtureRuns.read(FixtureRuns.K618_JDK17), two);
        assertThat(results(one)).extracting(r -> r.path("historyId").asText())
                .containsExactlyInAnyOrderElementsOf(results(two).stream().map(r -> r.path("historyId").asText()).toList());
    }

    @Test
    void a_broken_platform_gets_one_broken_result_saying_why(@TempDir Path target) throws Exception {
        MergedAllureResults.Tally tally = MergedAllureResults.write(FixtureRuns.read(FixtureRuns.TRUNCATED), target);
        assertThat(tally.results()).isZero();
        assertThat(tally.platformRunResults()).isEqualTo(1);
        JsonNode broken = results(target).get(0);
        assertThat(broken.path("status").asText()).isEqualTo("broken");
        assertThat(broken.path("statusDetails").path("message").asText()).contains("runner exited with 137");
    }

    @Test
    void a_broken_result_no_allure_file_reports_gets_one_with_its_message(@TempDir Path target) throws Exception {
        Path run = Files.createDirectories(target.resolve("runs/g"));
        String id = "unique.tcp4_loopback_libc.ports_distinct";
        String message = "the family's sandbox ended before this check did: the gVisor netstack sandbox died (exit 2): panic: …";
        org.portzero.model.ObservationsFile.write(run.resolve("observations.json"),
                new org.portzero.model.ObservationsHeader(org.portzero.model.ObservationsFile.SCHEMA_VERSION, "dev", "now", 1,
                        List.of(org.portzero.model.Family.of("unique")), java.util.Map.of(), java.util.Map.of(),
                        List.of(org.portzero.model.FamilyPlan.listed(org.portzero.model.Family.of("unique"), List.of(id)))),
                List.of(JSON.createObjectNode().put("id", id).put("family", "unique").put("verdict", "broken")
                        .put("message", message)));
        Path out = Files.createDirectories(target.resolve("allure"));
        MergedAllureResults.Tally tally = MergedAllureResults.write(List.of(org.portzero.reports.run.RunDirectory.read(run)), out);
        assertThat(tally.results()).isZero();
        assertThat(tally.unreported()).isEqualTo(1);
        JsonNode written = results(out).stream().filter(r -> r.path("name").asText().equals(id)).findFirst().orElseThrow();
        assertThat(written.path("status").asText()).isEqualTo("broken");
        assertThat(written.path("statusDetails").path("message").asText()).isEqualTo(message);
        assertThat(label(written, "parentSuite")).isEqualTo("g");
        assertThat(label(written, "suite")).isEqualTo("unique");
    }
}
