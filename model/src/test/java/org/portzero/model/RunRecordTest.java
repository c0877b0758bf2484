package org.portzero.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunRecord record() {
        return new RunRecord(RunRecord.SCHEMA_VERSION, "debian13-jdk25", "container", "OpenJDK 25", "portzero/x:1",
                RunStatus.COMPLETED, "", 0, 5000, 4000L, 1000L, Map.of("start", 300L),
                Map.of(Verdict.PASS, 180, Verdict.SKIP, 4), "tcg (no /dev/kvm on this machine)");
    }

    @Test
    void verdictsAreSpelledAsInEveryOtherFileAndCountedInOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(RunLayout.RUN_RECORD);
        RecordFile.write(file, record());
        JsonNode written = JSON.readTree(file.toFile());
        assertThat(written.path("schemaVersion").asInt()).isEqualTo(2);
        assertThat(written.path("verdicts").path("pass").asInt()).isEqualTo(180);
        assertThat(written.path("verdicts").has("PASS")).isFalse();
        assertThat(written.path("status").asText()).isEqualTo("COMPLETED");
        List<String> keys = names(written.path("verdicts").fieldNames());
        assertThat(keys).containsExactly("pass", "skip");
        assertThat(JSON.readValue(file.toFile(), RunRecord.class)).isEqualTo(record());
    }

    @Test
    void readsSchemaOneWithCapitalVerdicts() throws Exception {
        String v1 = """
                {"schemaVersion":1,"platform":"host","kind":"host","description":"this machine","image":null,
                 "status":"COMPLETED","note":"","exitCode":0,"wallMillis":9000,"runnerWallMillis":8000,
                 "overheadMillis":1000,"phaseMillis":{},"verdicts":{"PASS":592,"SKIP":127,"FAIL":0}}""";
        RunRecord read = JSON.readValue(v1, RunRecord.class);
        assertThat(read.verdicts()).containsEntry(Verdict.PASS, 592).containsEntry(Verdict.SKIP, 127);
        assertThat(read.status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void platformRunsListsEachRecord(@TempDir Path out) throws Exception {
        new PlatformRunsRecord(RunRecord.SCHEMA_VERSION, "2026-12-02T00:00:00Z", 9000, "28.2.2", List.of(record()))
                .write(out);
        PlatformRunsRecord read = PlatformRunsRecord.in(out).orElseThrow();
        assertThat(read.platformIds()).containsExactly("debian13-jdk25");
        assertThat(read.platforms().get(0)).isEqualTo(record());
    }

    @Test
    void aDamagedPlatformRunsNamesFileAndLine(@TempDir Path out) throws Exception {
        Files.writeString(RunLayout.platformRuns(out), "{\n \"engine\": \"x\",\n \"platforms\": [ {\"platform\": \n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlatformRunsRecord.in(out))
                .isInstanceOf(MalformedInput.class)
                .hasMessageStartingWith(RunLayout.platformRuns(out) + ":");
    }

    private static <T> List<T> names(java.util.Iterator<T> it) {
        List<T> all = new java.util.ArrayList<>();
        it.forEachRemaining(all::add);
        return all;
    }
}
