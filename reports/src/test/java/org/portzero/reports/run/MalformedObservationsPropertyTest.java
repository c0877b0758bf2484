package org.portzero.reports.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portzero.model.RunLayout;
import org.portzero.reports.DamageTally;
import org.portzero.reports.FixtureRuns;
import org.portzero.reports.JsonMutation;
import org.portzero.reports.ReportGate;
import org.portzero.reports.matrix.Matrix;
import org.portzero.reports.matrix.MatrixHtml;
import org.portzero.reports.matrix.MatrixJson;
import org.portzero.reports.matrix.MatrixMarkdown;
import org.portzero.reports.matrix.MatrixRow;
import org.portzero.reports.matrix.PlatformColumn;

/**
 * One run directory among good ones, its observations.json damaged (truncated at a byte, a line
 * deleted or doubled, a value of the wrong type, a key renamed, a JSON-special character): the
 * damaged platform is either read as it is or reported broken with a note naming the file, a line
 * of it and a field; the other platforms are read whole and keep every cell in the matrix; the
 * matrix, its views and the gate are made without an exception.
 *
 * <p>{@code -Dportzero.seed=} replays, {@code -Dportzero.examples=} scales.
 */
class MalformedObservationsPropertyTest {

    private static final long SEED = Long.getLong("portzero.seed", 20251124L);
    private static final int EXAMPLES = Integer.getInteger("portzero.examples", 300);
    private static final List<String> GOOD = List.of(FixtureRuns.K618_JDK17, FixtureRuns.K618_JDK25);
    private static final String DAMAGED = FixtureRuns.K61_JDK17;
    private static final int RESULTS_PER_RUN = 11;

    @TempDir
    static Path runs;

    private static String valid;
    private static final DamageTally outcomes = new DamageTally("read", "broken");

    @BeforeAll
    static void runDirectories() throws IOException {
        for (String id : List.of(FixtureRuns.K618_JDK17, FixtureRuns.K618_JDK25, FixtureRuns.K61_JDK17)) {
            Path dir = Files.createDirectories(runs.resolve(id));
            for (String file : List.of(RunLayout.OBSERVATIONS, RunLayout.FACTS)) {
                Files.copy(FixtureRuns.dir(id).resolve(file), dir.resolve(file));
            }
        }
        valid = Files.readString(runs.resolve(DAMAGED).resolve(RunLayout.OBSERVATIONS));
    }

    @AfterAll
    static void printOutcomes() {
        System.out.println("[MalformedObservationsPropertyTest] read/broken per damage: " + outcomes);
    }

    @Test
    void aDamagedRunIsNamedBrokenAndTheOthersAreReportedWhole() {
        Path observations = runs.resolve(DAMAGED).resolve(RunLayout.OBSERVATIONS);
        Pattern namesFileAndLine = Pattern.compile(Pattern.quote(observations.toAbsolutePath().toString()) + ":(\\d+)(:\\d+)?: field '[^']+': ");
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).withShrinkCycles(100)
                .forAll(JsonMutation.mutations(), JsonMutation.mutations()).checkAssert((first, second) -> {
                    String text = second.apply(first.apply(valid));
                    String recipe = "seed " + SEED + ": " + first + ", then " + second;
                    try {
                        Files.writeString(observations, text);
                        List<PlatformRun> read = List.of(runs.resolve(GOOD.get(0)), runs.resolve(DAMAGED), runs.resolve(GOOD.get(1)))
                                .stream().map(RunDirectory::read).toList();
                        Matrix matrix = Matrix.of(read, Instant.parse("2026-02-01T00:00:00Z"));
                        MatrixJson.write(matrix, runs.resolve("matrix.json"));
                        MatrixMarkdown.render(matrix);
                        MatrixHtml.render(matrix, read);
                        ReportGate.of(read, null, false);

                        for (PlatformRun good : List.of(read.get(0), read.get(2))) {
                            assertThat(good.brokenNote()).as(recipe).isEmpty();
                            assertThat(good.results()).as(recipe).hasSize(RESULTS_PER_RUN);
                            assertThat(matrix.rows().stream().filter(r -> r.cells().containsKey(good.id())).count())
                                    .as(recipe + ": every cell of " + good.id()).isEqualTo(RESULTS_PER_RUN);
                        }
                        PlatformRun damaged = read.get(1);
                        PlatformColumn column = matrix.platforms().get(1);
                        assertThat(column.broken()).as(recipe).isEqualTo(damaged.broken());
                        if (damaged.broken()) {
                            String note = damaged.brokenNote().orElseThrow();
                            var named = namesFileAndLine.matcher(note);
                            assertThat(named.find()).as(recipe + ": names file, line, field: " + note).isTrue();
                            assertThat(Integer.parseInt(named.group(1))).as(recipe + ": " + note)
                                    .isBetween(1, text.split("\n", -1).length);
                            assertThat(column.note()).as(recipe).isEqualTo(note);
                        }
                        assertThat(matrix.rows().stream().map(MatrixRow::id)).as(recipe).doesNotContain("");
                        outcomes.count(first.damage(), damaged.broken());
                    } catch (IOException | RuntimeException other) {
                        fail(recipe + ": " + other + " escaped", other);
                    }
                });
        int intact = outcomes.read();
        int broken = outcomes.refused();
        assertThat(intact).as("damage the reader need not refuse: %s", outcomes).isPositive();
        assertThat(broken).as("damage reported broken: %s", outcomes).isPositive();
        assertThat(outcomes.refused(JsonMutation.Damage.TRUNCATE)).as("truncations broken: %s", outcomes).isPositive();
    }
}
