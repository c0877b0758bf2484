package org.portzero.reports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portzero.model.Family;
import org.portzero.model.Verdict;
import org.portzero.reports.ContractSchema;
import org.portzero.reports.FixtureRuns;
import org.portzero.reports.matrix.Matrix;
import org.portzero.reports.matrix.MatrixJson;

/**
 * Claim: docs/schemas/observations.schema.json accepts the observations.json of real runs (the
 * fixtures, recorded on three kernel/JDK pairs) and docs/schemas/matrix.schema.json the matrix.json
 * this build writes from them; each rejects a file broken in one field; both name the harness's
 * verdicts and families. Spec: JSON Schema 2020-12. Assumes nothing of this machine.
 */
class OutputSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContractSchema OBSERVATIONS = ContractSchema.named("observations");
    private static final ContractSchema MATRIX = ContractSchema.named("matrix");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {FixtureRuns.K618_JDK17, FixtureRuns.K618_JDK25, FixtureRuns.K61_JDK17})
    void realObservationsMeetTheSchema(String run) throws IOException {
        assertThat(OBSERVATIONS.errors(FixtureRuns.dir(run).resolve("observations.json"))).as(run).isEmpty();
    }

    @Test
    void theMatrixThisBuildWritesMeetsTheSchema() throws IOException {
        Path file = dir.resolve("matrix.json");
        MatrixJson.write(Matrix.of(FixtureRuns.read(FixtureRuns.K618_JDK17, FixtureRuns.K618_JDK25,
                FixtureRuns.K61_JDK17, FixtureRuns.TRUNCATED), Instant.parse("2026-12-02T00:00:00Z")), file);
        JsonNode matrix = JSON.readTree(file.toFile());
        assertThat(matrix.path("rows").size()).as("rows").isGreaterThan(5);
        assertThat(MATRIX.errors(matrix)).isEmpty();
    }

    @Test
    void observationsBrokenInOneFieldAreRejected() throws IOException {
        JsonNode real = JSON.readTree(FixtureRuns.dir(FixtureRuns.K618_JDK17).resolve("observations.json").toFile());
        List<Consumer<ObjectNode>> breakages = List.of(
                o -> o.remove("results"),
                o -> o.put("schemaVersion", "1"),
                o -> firstResult(o).put("verdict", "passed"),
                o -> firstResult(o).put("id", "bind0-port_in_range"),
                o -> firstResult(o).put("layer", "kernel"),
                o -> firstResult(o).remove("verdict"),
                o -> firstResult(o).put("seed", "4598925585516780042"),
                o -> ((ArrayNode) o.withArray("families")).add("bind1"));
        for (int i = 0; i < breakages.size(); i++) {
            ObjectNode broken = real.deepCopy();
            breakages.get(i).accept(broken);
            assertThat(OBSERVATIONS.errors(broken)).as("breakage %d", i).isNotEmpty();
        }
        ObjectNode badPort = real.deepCopy();
        for (JsonNode result : badPort.path("results")) {
            for (JsonNode call : result.path("observations")) {
                if (call.path("endpoint").isObject()) {
                    ((ObjectNode) call.get("endpoint")).put("port", 70000);
                    assertThat(OBSERVATIONS.errors(badPort)).as("port 70000").isNotEmpty();
                    return;
                }
            }
        }
        throw new AssertionError("the fixture has no call with an endpoint");
    }

    @Test
    void aMatrixBrokenInOneFieldIsRejected() throws IOException {
        Path file = dir.resolve("matrix.json");
        MatrixJson.write(Matrix.of(FixtureRuns.read(FixtureRuns.K618_JDK17), Instant.parse("2026-12-02T00:00:00Z")), file);
        JsonNode real = JSON.readTree(file.toFile());
        List<Consumer<ObjectNode>> breakages = List.of(
                m -> m.put("schema", "portzero.matrix2"),
                m -> m.remove("rows"),
                m -> m.put("schemaVersion", 0),
                m -> firstCell(m).put("verdict", "green"),
                m -> firstCell(m).remove("verdict"),
                m -> ((ObjectNode) m.path("rows").get(0)).put("id", "not an id"),
                m -> ((ObjectNode) m.path("platforms").get(0)).put("status", "sideways"));
        for (int i = 0; i < breakages.size(); i++) {
            ObjectNode broken = real.deepCopy();
            breakages.get(i).accept(broken);
            assertThat(MATRIX.errors(broken)).as("breakage %d", i).isNotEmpty();
        }
    }

    @Test
    void theSchemasNameTheHarnesssVerdictsAndFamilies() throws IOException {
        Set<String> verdicts = new TreeSet<>(Verdict.ids());
        Set<String> families = Arrays.stream(Family.values()).map(Family::id).collect(Collectors.toCollection(TreeSet::new));
        for (ContractSchema schema : List.of(OBSERVATIONS, MATRIX)) {
            assertThat(texts(schema.text().at("/$defs/verdict/enum"))).isEqualTo(verdicts);
            assertThat(texts(schema.text().at("/$defs/family/enum"))).isEqualTo(families);
        }
    }

    private static ObjectNode firstResult(ObjectNode observations) {
        return (ObjectNode) observations.path("results").get(0);
    }

    private static ObjectNode firstCell(ObjectNode matrix) {
        JsonNode cells = matrix.path("rows").get(0).path("cells");
        return (ObjectNode) cells.get(cells.fieldNames().next());
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
