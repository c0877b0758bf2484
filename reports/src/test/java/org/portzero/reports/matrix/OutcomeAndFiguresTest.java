package org.portzero.reports.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portzero.reports.ReportGate;
import org.portzero.reports.diff.BaselineDiff;
import org.portzero.reports.diff.DiffKind;
import org.portzero.reports.diff.DiffReport;
import org.portzero.reports.run.PlatformRun;
import org.portzero.reports.run.RunDirectory;

/**
 * The outcome is the claim's result and the only thing compared; figures (how many sockets,
 * which window) are shown beside it and never make platforms disagree or an observation change,
 * nor do the numbers in a skip's reason, even under {@code -Dportzero.strict-diff}.
 */
class OutcomeAndFiguresTest {

    private static final String DISTINCT = "unique.tcp4_loopback_socket.ports_distinct";
    private static final String FILLS = "exhaust.tcp4_bind0_libc.fills_range_then_refuses";
    private static final String STATE = "connect0.tcp4_loopback_connect_socket.state_after_call";

    @TempDir
    Path dir;

    /** A run directory whose observations.json holds {@code results} (JSON objects, comma-separated). */
    private PlatformRun run(String platform, String results) throws IOException {
        Path run = Files.createDirectories(dir.resolve(platform));
        Files.writeString(run.resolve("platform.json"), """
                {"kernel": "6.18", "portRange": {"low": 32768, "high": 60999}, "javaVendor": "Debian",
                 "javaVersion": "25"}""");
        Files.writeString(run.resolve("observations.json"),
                "{\"schemaVersion\": 1, \"results\": [" + results + "]}");
        return RunDirectory.read(run);
    }

    private static String result(String id, String verdict, String observed, String figures, String message) {
        return "{\"id\": \"" + id + "\", \"verdict\": \"" + verdict + "\", \"observed\": " + json(observed)
                + ", \"figures\": " + json(figures) + ", \"message\": " + json(message) + "}";
    }

    private static String json(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    private static Matrix matrix(PlatformRun... runs) {
        return Matrix.of(List.of(runs), Instant.parse("2026-03-01T00:00:00Z"));
    }

    private static MatrixRow row(Matrix m, String id) {
        return m.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void the_same_outcome_with_other_figures_is_no_disagreement_and_no_changed_observation() throws IOException {
        PlatformRun wide = run("wide", result(DISTINCT, "pass", "all distinct", "200 sockets", null) + ","
                + result(FILLS, "pass", "filled the window, then EADDRINUSE", "64 bound in 40000-40063", null));
        PlatformRun narrow = run("narrow", result(DISTINCT, "pass", "all distinct", "32 sockets", null) + ","
                + result(FILLS, "pass", "filled the window, then EADDRINUSE", "400 bound in 50000-50399", null));
        Matrix m = matrix(wide, narrow);
        assertThat(m.disagreements()).isZero();
        assertThat(row(m, DISTINCT).cells().get("narrow").figures()).isEqualTo("32 sockets");

        PlatformRun later = run("later", result(DISTINCT, "pass", "all distinct", "32 sockets", null) + ","
                + result(FILLS, "pass", "filled the window, then EADDRINUSE", "64 bound in 40000-40063", null));
        BaselineDiff diff = BaselineDiff.between(renamed(matrix(wide), "p"), renamed(matrix(later), "p"));
        assertThat(diff.entries()).isEmpty();
        assertThat(ReportGate.of(java.util.List.of(), diff, true).exitCode()).isEqualTo(ReportGate.OK);
    }

    @Test
    void another_outcome_still_disagrees_and_is_a_changed_observation() throws IOException {
        PlatformRun jdk17 = run("jdk17", result(STATE, "pass", "open=true bound=false", null, null));
        PlatformRun jdk25 = run("jdk25", result(STATE, "pass", "open=false bound=false", null, null));
        assertThat(row(matrix(jdk17, jdk25), STATE).disagree()).isTrue();

        BaselineDiff diff = BaselineDiff.between(renamed(matrix(jdk17), "p"), renamed(matrix(jdk25), "p"));
        assertThat(diff.entries()).singleElement().extracting(e -> e.kind()).isEqualTo(DiffKind.CHANGED_OBSERVATION);
        assertThat(ReportGate.of(java.util.List.of(), diff, true).exitCode()).isEqualTo(ReportGate.NEWLY_FAILING);
    }

    @Test
    void a_skips_numbers_never_count_as_a_changed_observation_under_strict_diff() throws IOException {
        PlatformRun before = run("before", result(DISTINCT, "skip", null, null, "needs 200 free ports, 31 are free"));
        PlatformRun after = run("after", result(DISTINCT, "skip", null, null, "needs 200 free ports, 12 are free"));
        BaselineDiff diff = BaselineDiff.between(renamed(matrix(before), "p"), renamed(matrix(after), "p"));
        assertThat(diff.entries()).isEmpty();
        assertThat(ReportGate.of(java.util.List.of(), diff, true).exitCode()).isEqualTo(ReportGate.OK);

        PlatformRun noIpv6 = run("no-ipv6", result(DISTINCT, "skip", null, null, "no IPv6 on this platform"));
        assertThat(BaselineDiff.between(renamed(matrix(before), "p"), renamed(matrix(noIpv6), "p")).entries())
                .singleElement().extracting(e -> e.kind()).isEqualTo(DiffKind.CHANGED_OBSERVATION);
    }

    @Test
    void every_view_shows_the_figures(@TempDir Path out) throws IOException {
        PlatformRun wide = run("wide", result(DISTINCT, "pass", "all distinct", "200 sockets", null));
        PlatformRun narrow = run("narrow", result(DISTINCT, "pass", "all distinct", "32 sockets", null));
        Matrix m = matrix(wide, narrow);
        assertThat(MatrixMarkdown.render(m)).contains("✅ `all distinct` <sub>32 sockets</sub>");
        assertThat(MatrixHtml.render(m, List.of(wide, narrow))).contains("title=\"pass: all distinct\n200 sockets\"")
                .contains("\"figures\":\"32 sockets\"");
        Path file = out.resolve("matrix.json");
        MatrixJson.write(m, file);
        assertThat(Files.readString(file)).contains("\"figures\" : \"200 sockets\"");
        assertThat(MatrixJson.read(file)).isEqualTo(m);

        PlatformRun failing = run("failing", result(DISTINCT, "fail", "shared ports [P1]", "32 sockets", "two hold one port"));
        String md = DiffReport.markdown(BaselineDiff.between(renamed(matrix(wide), "p"), renamed(matrix(failing), "p")));
        assertThat(md).contains("pass `all distinct` (200 sockets)").contains("fail `shared ports [P1]` (32 sockets)");
    }

    @Test
    void a_matrix_json_written_before_figures_existed_still_reads(@TempDir Path out) throws IOException {
        Path file = out.resolve("matrix.json");
        Files.writeString(file, """
                {"schema": "portzero.matrix", "schemaVersion": 1, "generatedAt": "2025-01-01T00:00:00Z",
                 "platforms": [{"id": "p"}], "families": ["unique"],
                 "rows": [{"id": "%s", "disagree": false, "cells": {"p": {"verdict": "pass", "outcome": "200 distinct of 200"}}}]}"""
                .formatted(DISTINCT));
        MatrixCell cell = MatrixJson.read(file).rows().get(0).cells().get("p");
        assertThat(cell.outcome()).isEqualTo("200 distinct of 200");
        assertThat(cell.figures()).isNull();
    }

    /** The matrix with its one platform renamed, so two runs compare as one platform's baseline and current. */
    private static Matrix renamed(Matrix m, String platform) {
        String old = m.platforms().get(0).id();
        List<MatrixRow> rows = m.rows().stream().map(r -> new MatrixRow(r.id(), r.family(), r.variant(), r.check(),
                r.layer(), r.disagree(), java.util.Map.of(platform, r.cells().get(old)))).toList();
        return new Matrix(m.schema(), m.schemaVersion(), m.generatedAt(), m.platforms(), m.families(), rows);
    }
}
