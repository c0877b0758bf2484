package org.portzero.containers.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.portzero.model.Family;
import org.portzero.model.MalformedInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Claim: docs/schemas/platform.schema.json, the contract editors and tools read, accepts every
 * platform.yaml the repository ships, rejects what the harness's reader rejects, and names the same
 * fields, families, bases and network modes as the harness.
 * Spec: JSON Schema 2020-12. Assumes: the module's folder is the working directory (Surefire's default).
 */
class PlatformSchemaTest {

    static final Path SCHEMA = Path.of("..", "docs", "schemas", "platform.schema.json");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Stream<Path> bundledPlatformFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(Path.of("platforms"), Path.of("faults", "platforms"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.getFileName().toString().equals(PlatformDefinitionReader.FILE_NAME)).forEach(files::add);
            }
        }
        assertThat(files).as("bundled platform files").hasSizeGreaterThanOrEqualTo(16);
        return files.stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledPlatformFiles")
    void everyBundledPlatformFileMeetsTheSchemaAndNamesIt(Path file) throws IOException {
        assertThat(errors(YAML.readTree(file.toFile()))).as(file.toString()).isEmpty();
        new PlatformDefinitionReader().read(file.getParent());   // and the harness reads it
        String schemaLine = "# yaml-language-server: $schema="
                + file.getParent().relativize(Path.of("..", "docs", "schemas", "platform.schema.json")).toString();
        assertThat(Files.readAllLines(file).get(0)).as(file + " tells editors its schema").isEqualTo(schemaLine);
    }

    /** Each file breaks one rule; the schema and the reader both refuse it. */
    static Stream<String> brokenPlatformFiles() {
        return Stream.of(
                "description: no id\nimage: {platform: debian13-jdk25}\n",
                "id: p\ndescription: d\nimage: {platform: debian13-jdk25}\nsysctl: {}\n",                 // unknown field
                "id: p\ndescription: d\nimage: {platform: debian13-jdk25, base: debian13}\n",            // two image sources
                "id: p\ndescription: d\nimage: {base: debian11}\njdk: openjdk-17-jre-headless\n",       // unknown base
                "id: p\ndescription: d\nimage: {base: debian13}\n",                                      // base without a JDK
                "id: p\ndescription: d\nimage: {platform: debian13-jdk25}\njdk: openjdk-25-jre-headless\n",
                "id: p\ndescription: d\nimage: {platform: debian13-jdk25}\nuser: root\n",
                "id: p\ndescription: d\nimage: {platform: debian13-jdk25}\nnetwork: host\n",
                "id: p\ndescription: d\nimage: {platform: debian13-jdk25}\nfamilies: [bind0, bind1]\n",
                "id: p\ndescription: d\nimage: {platform: debian13-jdk25}\nmemory: lots\n",
                "id: p\ndescription: d\nimage: {platform: debian13-jdk25}\ntimeout: [10m]\n",
                "id: p\ndescription: d\nimage: {platform: debian13-jdk25}\nsysctls: {IP_RANGE: 1}\n",
                "id: p\ndescription: d\nimage: {base: debian13}\njdk: openjdk-25-jre-headless\nkernel: bookworm\n",
                "id: p\ndescription: d\nimage: {platform: debian13-jdk25}\nkernel: wheezy\n");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("brokenPlatformFiles")
    void aBrokenPlatformFileIsRefusedByTheSchemaAndTheReader(String yaml) throws IOException {
        assertThat(errors(YAML.readTree(yaml))).as("schema errors for:\n" + yaml).isNotEmpty();
        Path folder = Files.createDirectories(dir.resolve("p"));
        Files.writeString(folder.resolve(PlatformDefinitionReader.FILE_NAME), yaml);
        assertThatThrownBy(() -> new PlatformDefinitionReader().read(folder)).as("the reader, for:\n" + yaml)
                .isInstanceOf(MalformedInput.class);
    }

    @Test
    void theSchemaNamesTheHarnesssVocabulary() throws IOException {
        JsonNode schema = JSON.readTree(SCHEMA.toFile());
        assertThat(names(schema.path("properties"))).as("top-level fields")
                .isEqualTo(new TreeSet<>(PlatformDefinitionReader.FIELDS));
        assertThat(texts(schema.at("/$defs/family/enum"))).as("families")
                .isEqualTo(Arrays.stream(Family.values()).map(Family::id).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(texts(schema.at("/properties/network/enum"))).as("network modes")
                .isEqualTo(Arrays.stream(NetworkMode.values()).map(NetworkMode::dockerName).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(texts(schema.at("/properties/image/properties/base/enum"))).as("bases")
                .isEqualTo(Arrays.stream(BaseSuite.values()).map(BaseSuite::label).collect(Collectors.toCollection(TreeSet::new)));
    }

    static List<Error> errors(JsonNode document) {
        return SCHEMA_LOADED.validate(document);
    }

    private static final Schema SCHEMA_LOADED = load();

    private static Schema load() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(Files.readString(SCHEMA));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
