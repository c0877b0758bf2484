package org.portzero.suites.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portzero.suites.probe.Layer;

/**
 * Claim: the observations.json the runner writes on this machine, today, meets
 * docs/schemas/observations.schema.json (the contract downstream tools rely on), and
 * {@code -Dportzero.checks} narrows what it runs to the matching check ids.
 * Spec: JSON Schema 2020-12. Assumes: a loopback interface (every platform has one); the runner
 * runs as a separate JVM on this module's test class path, as the jar runs on a platform.
 */
class ObservationsContractTest {

    private static final Path SCHEMA = Path.of("..", "docs", "schemas", "observations.schema.json");
    private static final String SELECTION = "bind0.tcp4_loopback_*,bind0.generated_libc.*,connect0.*libc*";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    @Test
    void aRealRunsObservationsMeetTheSchemaAndHoldOnlyTheSelectedChecks() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process runner = new ProcessBuilder(java, "-Dportzero.checks=" + SELECTION, "-Dportzero.examples=5",
                "-cp", System.getProperty("java.class.path"), RunnerMain.class.getName(), "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(out.resolve("console.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertThat(runner.waitFor(5, TimeUnit.MINUTES)).as("the runner finished").isTrue();
        String console = Files.readString(out.resolve("console.log"));
        assertThat(runner.exitValue()).as(console).isZero();

        JsonNode observations = JSON.readTree(out.resolve("observations.json").toFile());
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA)).validate(observations)).as(console).isEmpty();

        List<String> ids = observations.findValuesAsText("id");
        assertThat(observations.path("results").size()).as("results").isGreaterThan(10);
        assertThat(observations.path("results")).allSatisfy(r -> assertThat(r.path("id").asText())
                .matches("bind0\\.tcp4_loopback_[a-z]+\\..*|bind0\\.generated_libc\\..*|connect0\\..*libc.*"));
        assertThat(ids).anyMatch(id -> id.startsWith("connect0.")).anyMatch(id -> id.startsWith("bind0.generated_libc."));
        assertThat(observations.path("families").toString()).as("families narrowed by the globs")
                .isEqualTo("[\"bind0\",\"connect0\"]");
    }

    @Test
    void theSchemaNamesTheHarnesssLayers() throws Exception {
        Set<String> layers = new TreeSet<>();
        JSON.readTree(SCHEMA.toFile()).at("/$defs/layer/enum").forEach(n -> layers.add(n.asText()));
        assertThat(layers).isEqualTo(Arrays.stream(Layer.values()).map(Layer::id).collect(Collectors.toCollection(TreeSet::new)));
    }
}
