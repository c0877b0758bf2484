package org.portzero.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing vanishes: every check the runner listed has a result, and a run that judged nothing is broken. */
class GapsTest {

    record Entry(String id, String family, Verdict verdict, String message) {
    }

    private static Observations written(Path dir, List<FamilyPlan> plans, Entry... results) throws Exception {
        Path file = dir.resolve(RunLayout.OBSERVATIONS);
        ObservationsFile.write(file, new ObservationsHeader(ObservationsFile.SCHEMA_VERSION, "dev", "2026-12-02T00:00:00Z",
                1, plans.stream().map(FamilyPlan::family).toList(), Map.of(), Map.of(), plans), List.of(results));
        return ObservationsFile.read(file);
    }

    private static Entry pass(String id) {
        return new Entry(id, id.substring(0, id.indexOf('.')), Verdict.PASS, "");
    }

    @Test
    void aListedCheckWithoutAResultIsAGapNamedById(@TempDir Path dir) throws Exception {
        Observations read = written(dir, List.of(FamilyPlan.listed(Family.BIND0, List.of("bind0.a.b", "bind0.a.c"))),
                pass("bind0.a.b"));
        assertThat(read.gaps()).singleElement().asString().contains("1 listed check(s) without a result: bind0.a.c");
        assertThat(read.problems()).hasSize(1);
    }

    @Test
    void aFamilyThatCouldNotListItsChecksIsAGapWithTheCause(@TempDir Path dir) throws Exception {
        Observations read = written(dir, List.of(FamilyPlan.listed(Family.BIND0, List.of("bind0.a.b")),
                FamilyPlan.unlisted(Family.UNIQUE, "java.lang.IllegalStateException: no layer\\n\\tat x")), pass("bind0.a.b"));
        assertThat(read.gaps()).singleElement().asString()
                .isEqualTo("family unique could not list its checks: java.lang.IllegalStateException: no layer\\n\\tat x");
    }

    @Test
    void aFamilyAskedForThatNeverListedIsAGap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(RunLayout.OBSERVATIONS);
        List<FamilyPlan> plans = List.of(FamilyPlan.listed(Family.BIND0, List.of("bind0.a.b")));
        ObservationsFile.write(file, new ObservationsHeader(ObservationsFile.SCHEMA_VERSION, "dev", "2026-12-02T00:00:00Z",
                1, List.of(Family.BIND0, Family.UNIQUE), Map.of(), Map.of(), plans), List.of(pass("bind0.a.b")));
        assertThat(ObservationsFile.read(file).gaps()).containsExactly("1 family(ies) asked for but never listed: unique");
    }

    @Test
    void aResultNobodyListedAndAResultReportedTwiceAreGaps(@TempDir Path dir) throws Exception {
        Observations read = written(dir, List.of(FamilyPlan.listed(Family.BIND0, List.of("bind0.a.b"))),
                pass("bind0.a.b"), pass("bind0.a.b"), pass("bind0.x.y"));
        assertThat(read.gaps()).containsExactly("1 check(s) reported more than once: bind0.a.b",
                "1 result(s) for checks the catalogue did not list: bind0.x.y");
    }

    @Test
    void noResultsOrOnlySkipsIsAGap(@TempDir Path dir) throws Exception {
        assertThat(written(dir, List.of()).gaps()).containsExactly("no results at all");
        Observations skipped = written(dir, List.of(FamilyPlan.listed(Family.BIND0, List.of("bind0.a.b"))),
                new Entry("bind0.a.b", "bind0", Verdict.SKIP, "no IPv6"));
        assertThat(skipped.gaps()).containsExactly("no result other than skip (1 skipped): nothing was judged");
    }

    @Test
    void aFileWithoutACatalogueIsJudgedOnItsResultsAlone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(RunLayout.OBSERVATIONS);
        java.nio.file.Files.writeString(file, "{\"schemaVersion\": 1, \"results\": [{\"id\": \"bind0.a.b\", \"verdict\": \"pass\"}]}");
        Observations read = ObservationsFile.read(file);
        assertThat(read.catalogue()).isEmpty();
        assertThat(read.gaps()).isEmpty();
    }
}
