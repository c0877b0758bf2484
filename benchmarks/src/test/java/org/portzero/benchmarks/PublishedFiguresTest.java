package org.portzero.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The performance tables in README.md, docs/PERFORMANCE.md and benchmarks/docs/performance.md are
 * exactly what {@link PublishedFigures} makes from the committed raw results: a figure edited by
 * hand, or data committed without its tables, fails here.
 */
class PublishedFiguresTest {

    /** Surefire runs in the module's directory; the repository is its parent. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void committedTablesAreTheGeneratorsOutput() throws IOException {
        for (Map.Entry<Path, String> file : PublishedFigures.expected(ROOT).entrySet()) {
            assertEquals(file.getValue(), Files.readString(ROOT.resolve(file.getKey())),
                    file.getKey() + " differs from what the committed results under " + PublishedFigures.RESULTS
                            + " give; regenerate with: mvn -B -Pbenchmarks -pl benchmarks -am process-classes -Dportzero.figures.skip=false");
        }
    }
}
