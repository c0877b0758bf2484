package org.portzero.containers.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portzero.model.MalformedInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** platform.yaml is validated on load; every rejection names the file, the line and the field. */
class PlatformDefinitionReaderTest {

    @TempDir
    Path dir;

    private final PlatformDefinitionReader reader = new PlatformDefinitionReader();

    @Test
    void theDefaultMatrixLoads() {
        Path home = Path.of(System.getProperty("portzero.platforms.home", "platforms"));
        List<PlatformDefinition> all = reader.readAll(home);
        List<String> ids = all.stream().map(PlatformDefinition::id).toList();
        assertEquals(List.of("crowded-range", "debian12-jdk17", "debian13-jdk21", "debian13-jdk25", "debian13-temurin25",
                "ipv4-only", "narrow-range", "reserved", "tiny-range", "v6only"),
                all.stream().filter(d -> !d.onlyWhenSelected()).map(PlatformDefinition::id).toList(),
                "default matrix ids (container platforms)");
        assertEquals(List.of("sid-jdk11", "sid-jdk26", "sid-jdk27", "sid-jdk28ea", "sid-jdk8"),
                all.stream().filter(d -> d.layersJdk().isPresent()).map(PlatformDefinition::id).toList(),
                "JDK-under-test platforms (profile jdks)");
        assertEquals(List.of("kernel-5.10", "kernel-6.1", "kernel-6.12", "kernel-experimental", "kernel-sid",
                "kernel-trixie-backports"),
                all.stream().filter(d -> d.kernel().isPresent()).map(PlatformDefinition::id).toList(),
                "kernel platforms (profile kernels)");
        assertEquals(List.of("gvisor-jdk17", "gvisor-jdk25"),
                all.stream().filter(d -> d.runtime() == ContainerRuntime.RUNSC).map(PlatformDefinition::id).toList(),
                "gVisor platforms (profile gvisor)");
        PlatformDefinition narrow = all.get(ids.indexOf("narrow-range"));
        assertEquals(new ImageSource.SharedImage("debian13-jdk25"), narrow.image(), "narrow-range reuses jdk25's image");
        assertEquals(Map.of("net.ipv4.ip_local_port_range", "40000 40063"), narrow.sysctls(), "narrow-range sysctls");
        PlatformDefinition tiny = all.get(ids.indexOf("tiny-range"));
        assertEquals(Map.of("net.ipv4.ip_local_port_range", "40000 40001"), tiny.sysctls(), "tiny-range: two ports");
        PlatformDefinition crowded = all.get(ids.indexOf("crowded-range"));
        assertEquals("40000 40099", crowded.sysctls().get("net.ipv4.ip_local_port_range"), "crowded-range: 100 ports");
        assertEquals(96, org.portzero.model.PortSet.parse(crowded.sysctls().get("net.ipv4.ip_local_reserved_ports"))
                .countIn(40000, 40099), "crowded-range: 96 of them reserved");
        PlatformDefinition v6only = all.get(ids.indexOf("v6only"));
        assertEquals("1", v6only.sysctls().get("net.ipv6.bindv6only"), "an integer sysctl value is kept as text");
        PlatformDefinition temurin = all.get(ids.indexOf("debian13-temurin25"));
        assertEquals(Optional.of(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64")), temurin.jdkHome(), "temurin jdkHome");
    }

    @Test
    void defaultsApplyToFieldsLeftOut() throws IOException {
        PlatformDefinition p = parse("p1", """
                id: p1
                description: a platform
                image: {base: debian13}
                jdk: openjdk-25-jre-headless
                """);
        assertEquals(NetworkMode.NONE, p.network(), "network default");
        assertEquals(PlatformDefinition.DEFAULT_USER, p.user(), "user default");
        assertEquals(PlatformDefinition.DEFAULT_TIMEOUT, p.timeout(), "timeout default");
        assertEquals(PlatformDefinition.DEFAULT_MEMORY_BYTES, p.memoryBytes(), "memory default");
        assertEquals(new ImageSource.Base(BaseSuite.DEBIAN13), p.image(), "image");
        assertEquals(Optional.of("openjdk-25-jre-headless"), p.jdkPackage(), "jdk");
        assertEquals(ContainerRuntime.RUNC, p.runtime(), "runtime default");
    }

    @Test
    void runtimeIsRuncOrRunscAndNeverWithAKernel() throws IOException {
        PlatformDefinition gvisor = parse("g", """
                id: g
                description: gVisor
                image: {platform: debian13-jdk25}
                runtime: runsc
                """);
        assertEquals(ContainerRuntime.RUNSC, gvisor.runtime(), "runtime");
        assertTrue(gvisor.onlyWhenSelected(), "a second runtime runs only when selected");
        MalformedInput unknown = reject("k", """
                id: k
                description: a runtime nobody knows
                image: {platform: debian13-jdk25}
                runtime: kata
                """);
        assertEquals("runtime", unknown.field(), unknown.getMessage());
        assertEquals(4, unknown.line(), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("'kata' is not one of runc, runsc"), unknown.getMessage());
        MalformedInput withKernel = reject("q", """
                id: q
                description: a kernel under gVisor
                image: {platform: debian12-jdk17}
                kernel: bookworm
                runtime: runsc
                """);
        assertEquals("runtime", withKernel.field(), withKernel.getMessage());
    }

    @Test
    void everyFieldIsRead() throws IOException {
        Files.createDirectories(dir.resolve("p2"));
        Files.writeString(dir.resolve("p2/Dockerfile"), "FROM portzero/debian13-jdk25:latest\n");
        PlatformDefinition p = parse("p2", """
                id: p2
                description: all fields
                image:
                  dockerfile: Dockerfile
                sysctls:
                  net.ipv4.ip_local_port_range: "40000 40063"
                network: bridge
                user: "2000:2000"
                jvmArgs: [-Xmx256m, -Dx=y]
                memory: 512m
                timeout: 90s
                families: [bind0, exhaust]
                """);
        assertInstanceOf(ImageSource.Dockerfile.class, p.image(), "dockerfile image");
        assertEquals(NetworkMode.BRIDGE, p.network(), "network");
        assertEquals("2000:2000", p.user(), "user");
        assertEquals(List.of("-Xmx256m", "-Dx=y"), p.jvmArgs(), "jvmArgs");
        assertEquals(512L << 20, p.memoryBytes(), "memory");
        assertEquals(Duration.ofSeconds(90), p.timeout(), "timeout");
        assertEquals(List.of("bind0", "exhaust"), p.families(), "families");
    }

    @Test
    void yamlSyntaxErrorNamesLineAndNearestField() {
        MalformedInput e = reject("bad", """
                id: bad
                description: broken quoting
                sysctls:
                  net.ipv4.ip_local_port_range: "40000 40063
                """);
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
        assertTrue(e.line() >= 4, "line of the unterminated quote, got " + e.line());
        assertTrue(e.field().startsWith("sysctls"), "field near the error, got " + e.field());
    }

    @Test
    void unknownFieldIsRejectedWithItsLine() {
        MalformedInput e = reject("u", """
                id: u
                description: typo below
                image: {base: debian13}
                jdk: openjdk-25-jre-headless
                sysctl:
                  net.ipv6.bindv6only: 1
                """);
        assertEquals(5, e.line(), e.getMessage());
        assertEquals("sysctl", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("unknown field"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("u/platform.yaml").toString()), "names the file: " + e.getMessage());
    }

    @Test
    void unknownNestedFieldIsRejected() {
        MalformedInput e = reject("n", """
                id: n
                description: nested typo
                image:
                  bsae: debian13
                """);
        assertEquals(4, e.line(), e.getMessage());
        assertEquals("image.bsae", e.field(), e.getMessage());
    }

    @Test
    void anUnknownFamilyIsRejectedWithTheKnownOnes() {
        MalformedInput e = reject("f", base("f") + "families: [bind0, bindO]\n");
        assertEquals("families", e.field(), e.getMessage());
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("unknown family 'bindO' (families: bind0, unique, connect0"), e.getMessage());
    }

    @Test
    void wrongTypesAreRejected() {
        MalformedInput sysctls = reject("t1", """
                id: t1
                description: sysctls as a list
                image: {platform: x}
                sysctls:
                  - net.ipv6.bindv6only=1
                """);
        assertEquals("sysctls", sysctls.field(), sysctls.getMessage());
        assertEquals(4, sysctls.line(), sysctls.getMessage());
        assertTrue(sysctls.getMessage().contains("found a list"), sysctls.getMessage());

        MalformedInput jvmArgs = reject("t2", """
                id: t2
                description: jvmArgs as a string
                image: {platform: x}
                jvmArgs: -Xmx1g
                """);
        assertEquals("jvmArgs", jvmArgs.field(), jvmArgs.getMessage());
        assertEquals(4, jvmArgs.line(), jvmArgs.getMessage());

        MalformedInput description = reject("t3", """
                id: t3
                description: 42
                image: {platform: x}
                """);
        assertEquals("description", description.field(), description.getMessage());
        assertEquals(2, description.line(), description.getMessage());
        assertTrue(description.getMessage().contains("found a number (quote it)"), description.getMessage());
    }

    @Test
    void usersMayBeNamesOrNumbers() throws IOException {
        assertEquals("1000:50", parse("u1", base("u1") + "user: 1000:50\n").user());
        assertEquals("1000", parse("u2", base("u2") + "user: 1000\n").user());
        assertEquals("nobody", parse("u3", base("u3") + "user: nobody\n").user());
    }

    @Test
    void badValuesAreRejected() {
        assertEquals("timeout", reject("v1", base("v1") + "timeout: 10 minutes\n").field());
        assertEquals(4, reject("v1b", base("v1b") + "timeout: 10 minutes\n").line());
        assertEquals("memory", reject("v2", base("v2") + "memory: lots\n").field());
        assertEquals("network", reject("v3", base("v3") + "network: host\n").field());
        assertEquals("user", reject("v4", base("v4") + "user: root\n").field());
        assertEquals("image.base", reject("v5", """
                id: v5
                description: unknown base
                image: {base: debian11}
                jdk: openjdk-17-jre-headless
                """).field());
        assertEquals("sysctls.not a sysctl", reject("v6", base("v6") + "sysctls: {\"not a sysctl\": 1}\n").field());
    }

    @Test
    void sysctlsMustBeNamespacedKnownAndWithinTheirDomain() throws IOException {
        MalformedInput hostWide = reject("s1", base("s1") + "sysctls:\n  vm.swappiness: 10\n");
        assertEquals("sysctls.vm.swappiness", hostWide.field(), hostWide.getMessage());
        assertEquals(5, hostWide.line(), hostWide.getMessage());
        assertTrue(hostWide.getMessage().contains("not a namespaced sysctl"), hostWide.getMessage());

        MalformedInput typo = reject("s2", base("s2") + "sysctls:\n  net.ipv4.ip_local_port_rnage: \"1 2\"\n");
        assertEquals("sysctls.net.ipv4.ip_local_port_rnage", typo.field(), typo.getMessage());
        assertTrue(typo.getMessage().contains("not a sysctl portzero knows"), typo.getMessage());

        MalformedInput backwards = reject("s3", base("s3") + "sysctls:\n  net.ipv4.ip_local_port_range: \"40063 40000\"\n");
        assertTrue(backwards.getMessage().contains("not a port range"), backwards.getMessage());
        MalformedInput notASwitch = reject("s4", base("s4") + "sysctls:\n  net.ipv6.bindv6only: 2\n");
        assertTrue(notASwitch.getMessage().contains("expected 0 or 1"), notASwitch.getMessage());

        assertEquals(Map.of("fs.mqueue.msg_max", "10", "net.ipv6.conf.eth0.disable_ipv6", "1"),
                parse("s5", base("s5") + "sysctls:\n  fs.mqueue.msg_max: 10\n  net.ipv6.conf.eth0.disable_ipv6: 1\n").sysctls());
    }

    @Test
    void aFieldWithoutANameIsNamedAsSuch() {
        MalformedInput anchored = reject("a", base("a") + "&x: 1\n");
        assertEquals("(no name)", anchored.field(), anchored.getMessage());
        assertEquals(4, anchored.line(), anchored.getMessage());
    }

    @Test
    void inconsistentFieldsAreRejected() {
        MalformedInput idMismatch = reject("folder", """
                id: other
                description: id differs from folder
                image: {platform: x}
                """);
        assertEquals("id", idMismatch.field(), idMismatch.getMessage());
        assertEquals(1, idMismatch.line(), idMismatch.getMessage());

        MalformedInput missing = reject("m", """
                id: m
                image: {platform: x}
                """);
        assertEquals("description", missing.field(), missing.getMessage());

        MalformedInput twoImages = reject("two", """
                id: two
                description: two image sources
                image: {base: debian13, platform: x}
                """);
        assertEquals("image", twoImages.field(), twoImages.getMessage());
        assertEquals(3, twoImages.line(), twoImages.getMessage());

        MalformedInput noJdk = reject("nojdk", """
                id: nojdk
                description: base without a jdk
                image: {base: debian13}
                """);
        assertTrue(noJdk.getMessage().contains("exactly one of 'jdk'"), noJdk.getMessage());

        MalformedInput jdkOnVariant = reject("variant", """
                id: variant
                description: a variant cannot change the JDK
                image: {platform: debian13-jdk25}
                jdk: openjdk-21-jre-headless
                """);
        assertEquals("jdk", jdkOnVariant.field(), jdkOnVariant.getMessage());
        assertEquals(4, jdkOnVariant.line(), jdkOnVariant.getMessage());

        MalformedInput missingDockerfile = reject("df", """
                id: df
                description: no such Dockerfile
                image: {dockerfile: Dockerfile}
                """);
        assertEquals("image.dockerfile", missingDockerfile.field(), missingDockerfile.getMessage());
    }

    @Test
    void duplicateKeysAndEmptyFilesAreRejected() {
        MalformedInput duplicate = reject("dup", """
                id: dup
                description: one
                description: two
                image: {platform: x}
                """);
        assertEquals(3, duplicate.line(), duplicate.getMessage());
        assertEquals("description", duplicate.field(), duplicate.getMessage());
        MalformedInput empty = reject("empty", "");
        assertEquals("(file)", empty.field(), empty.getMessage());
        MalformedInput list = reject("list", "- id: list\n");
        assertTrue(list.getMessage().contains("expected a mapping"), list.getMessage());
    }

    @Test
    void sizesAndDurationsParse() {
        assertEquals(Optional.of(1L << 30), PlatformDefinitionReader.parseMemory("1g"));
        assertEquals(Optional.of(512L << 20), PlatformDefinitionReader.parseMemory("512M"));
        assertEquals(Optional.of(4096L), PlatformDefinitionReader.parseMemory("4096"));
        assertEquals(Optional.empty(), PlatformDefinitionReader.parseMemory("1.5g"));
        assertEquals(Optional.of(Duration.ofMinutes(10)), PlatformDefinitionReader.parseDuration("10m"));
        assertEquals(Optional.of(Duration.ofSeconds(45)), PlatformDefinitionReader.parseDuration("45"));
        assertEquals(Optional.of(Duration.ofHours(1)), PlatformDefinitionReader.parseDuration("1h"));
        assertEquals(Optional.empty(), PlatformDefinitionReader.parseDuration("soon"));
    }

    private static String base(String id) {
        return """
                id: %s
                description: a variant
                image: {platform: debian13-jdk25}
                """.formatted(id);
    }

    private PlatformDefinition parse(String id, String yaml) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(id));
        Files.writeString(folder.resolve(PlatformDefinitionReader.FILE_NAME), yaml);
        return reader.read(folder);
    }

    private MalformedInput reject(String id, String yaml) {
        return assertThrows(MalformedInput.class, () -> parse(id, yaml), "should reject:\n" + yaml);
    }
}
