package org.portzero.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObservationsFileTest {

    record Entry(String id, String family, Verdict verdict, String message) {
    }

    private static ObservationsHeader header() {
        return new ObservationsHeader(ObservationsFile.SCHEMA_VERSION, "dev", "2026-12-02T00:00:00Z", 1234,
                List.of(Family.BIND0), Map.of(), Map.of(), List.of(FamilyPlan.listed(Family.BIND0,
                List.of("bind0.tcp4_loopback_socket.port_nonzero", "bind0.udp4_loopback_libc.port_in_range"))));
    }

    @Test
    void whatTheRunnerWritesEveryReaderReadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(RunLayout.OBSERVATIONS);
        ObservationsFile.write(file, header(), List.of(
                new Entry("bind0.tcp4_loopback_socket.port_nonzero", "bind0", Verdict.PASS, ""),
                new Entry("bind0.udp4_loopback_libc.port_in_range", "bind0", Verdict.XFAIL, "known")));
        assertThat(Files.readString(file)).contains("\"verdict\" : \"pass\"").contains("\"families\" : [ \"bind0\" ]");
        Observations read = ObservationsFile.read(file);
        assertThat(read.damage()).isEmpty();
        assertThat(read.wallMillis()).isEqualTo(1234);
        assertThat(read.results()).extracting(RecordedResult::verdict).containsExactly(Verdict.PASS, Verdict.XFAIL);
        assertThat(read.results().get(1).id()).isEqualTo(new CheckId(Family.BIND0, "udp4_loopback_libc", "port_in_range"));
        assertThat(read.results().get(1).message()).isEqualTo("known");
        assertThat(read.catalogue()).get().asList().hasSize(1);
        assertThat(read.gaps()).isEmpty();
    }

    @Test
    void aTruncatedFileKeepsTheResultsBeforeTheCutAndNamesTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(RunLayout.OBSERVATIONS);
        ObservationsFile.write(file, header(), List.of(
                new Entry("bind0.a.b", "bind0", Verdict.PASS, ""), new Entry("bind0.c.d", "bind0", Verdict.FAIL, "x")));
        String whole = Files.readString(file);
        Files.writeString(file, whole.substring(0, whole.lastIndexOf("\"verdict\"")));
        Observations read = ObservationsFile.read(file);
        assertThat(read.results()).hasSize(1);
        assertThat(read.damageNote()).get().asString().contains("truncated").contains(file + ":");
    }

    @Test
    void anUnknownVerdictOrFamilyIsLeftOutAndNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(RunLayout.OBSERVATIONS);
        Files.writeString(file, """
                {"schemaVersion": 1, "results": [
                  {"id": "bind0.a.b", "verdict": "pass"},
                  {"id": "bind0.a.c", "verdict": "PASSED"},
                  {"id": "nofamily.a.c", "verdict": "pass"}
                ]}""");
        Observations read = ObservationsFile.read(file);
        assertThat(read.results()).hasSize(1);
        assertThat(read.damageNote()).get().asString()
                .contains("2 unusable result(s)")
                .contains(file + ":3: field 'results[1].verdict': expected one of pass, fail, xfail, xpass, flaky, skip, broken");
    }

    @Test
    void aMissingFileOrResultsListIsDamage(@TempDir Path dir) throws Exception {
        assertThat(ObservationsFile.read(dir.resolve("none.json")).intact()).isFalse();
        Path file = dir.resolve(RunLayout.OBSERVATIONS);
        Files.writeString(file, "{\"schemaVersion\": 1}");
        assertThat(ObservationsFile.read(file).damageNote()).get().asString().contains("no results list");
    }

    @Test
    void aNewerSchemaIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(RunLayout.OBSERVATIONS);
        Files.writeString(file, "{\"schemaVersion\": 9, \"results\": []}");
        assertThat(ObservationsFile.read(file).damageNote()).get().asString().contains("version 9 is newer");
    }

    @Test
    void figuresAreReadBesideTheOutcomeAndAnOlderFileWithoutThemStillReads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(RunLayout.OBSERVATIONS);
        Files.writeString(file, """
                {"schemaVersion": 1, "results": [
                  {"id": "unique.a.b", "verdict": "pass", "observed": "all distinct", "figures": "32 sockets"},
                  {"id": "unique.a.c", "verdict": "pass", "observed": "200 distinct of 200"},
                  {"id": "unique.a.d", "verdict": "pass", "observed": "all distinct", "figures": null}
                ]}""");
        Observations read = ObservationsFile.read(file);
        assertThat(read.damage()).isEmpty();
        assertThat(read.results()).extracting(RecordedResult::observed)
                .containsExactly("all distinct", "200 distinct of 200", "all distinct");
        assertThat(read.results()).extracting(RecordedResult::figures).containsExactly("32 sockets", "", "");
    }
}
