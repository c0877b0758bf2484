package org.portzero.containers.matrix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portzero.containers.platform.PlatformDefinition;
import org.portzero.containers.platform.PlatformDefinitionReader;
import org.portzero.model.MalformedInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The selection narrows the run; variants still find their parent's image; bad sets are refused. */
class MatrixPlanTest {

    private static final Path BUILD_JDK = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

    @TempDir
    Path dir;

    private final PlatformDefinitionReader reader = new PlatformDefinitionReader();

    private List<PlatformDefinition> defaults() {
        return reader.readAll(Path.of(System.getProperty("portzero.platforms.home", "platforms")));
    }

    @Test
    void noSelectionRunsEverythingHostFirst() {
        MatrixPlan plan = MatrixPlan.of(defaults(), BUILD_JDK, List.of(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64")), List.of());
        assertEquals(List.of("host", "host-temurin-25-jdk-amd64", "crowded-range", "debian12-jdk17", "debian13-jdk21",
                "debian13-jdk25", "debian13-temurin25", "ipv4-only", "narrow-range", "reserved", "tiny-range", "v6only"),
                plan.ids());
    }

    @Test
    void aSelectedVariantKeepsItsParentKnownButNotRun() {
        MatrixPlan plan = MatrixPlan.of(defaults(), BUILD_JDK, List.of(), List.of("narrow-range"));
        assertEquals(List.of("narrow-range"), plan.ids(), "only the selection runs, not even host");
        assertTrue(plan.known().containsKey("debian13-jdk25"), "the parent stays known for its image");
    }

    @Test
    void anUnknownSelectionNamesTheKnownIds() {
        MatrixPlan.Invalid e = assertThrows(MatrixPlan.Invalid.class,
                () -> MatrixPlan.of(defaults(), BUILD_JDK, List.of(), List.of("host", "debian11-jdk11")));
        assertTrue(e.getMessage().contains("debian11-jdk11"), e.getMessage());
        assertTrue(e.getMessage().contains("narrow-range"), "lists known ids: " + e.getMessage());
    }

    @Test
    void userPlatformsJoinTheMatrixAndMayNotShadowOthers() throws IOException {
        Path user = Files.createDirectories(dir.resolve("mine/my-variant"));
        Files.writeString(user.resolve("platform.yaml"), """
                id: my-variant
                description: a user variant
                image: {platform: debian13-jdk25}
                sysctls: {net.ipv4.ip_local_port_range: "50000 50099"}
                """);
        List<PlatformDefinition> all = new ArrayList<>(defaults());
        all.addAll(reader.readAll(dir.resolve("mine")));
        MatrixPlan plan = MatrixPlan.of(all, BUILD_JDK, List.of(), List.of("my-variant"));
        assertEquals(List.of("my-variant"), plan.ids());

        Path shadow = Files.createDirectories(dir.resolve("shadow/narrow-range"));
        Files.writeString(shadow.resolve("platform.yaml"), """
                id: narrow-range
                description: same id as a built-in platform
                image: {platform: debian13-jdk25}
                """);
        List<PlatformDefinition> clash = new ArrayList<>(defaults());
        clash.addAll(reader.readAll(dir.resolve("shadow")));
        MalformedInput e = assertThrows(MalformedInput.class, () -> MatrixPlan.of(clash, BUILD_JDK, List.of(), List.of()));
        assertEquals("id", e.field(), e.getMessage());
        assertEquals(1, e.line(), e.getMessage());
    }

    @Test
    void aVariantOfAnUnknownPlatformIsRefusedWithItsLine() throws IOException {
        Path orphan = Files.createDirectories(dir.resolve("user/orphan"));
        Files.writeString(orphan.resolve("platform.yaml"), """
                id: orphan
                description: parent missing
                image:
                  platform: debian99-jdk99
                """);
        MalformedInput e = assertThrows(MalformedInput.class,
                () -> MatrixPlan.of(reader.readAll(dir.resolve("user")), BUILD_JDK, List.of(), List.of()));
        assertEquals("image.platform", e.field(), e.getMessage());
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(orphan.resolve("platform.yaml").toString()), e.getMessage());
    }

    @Test
    void hostPlatformIdsComeFromTheJdkDirectory() {
        assertEquals("host-temurin-25-jdk-amd64", HostPlatform.forJdk(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/")).id());
        assertThrows(MatrixPlan.Invalid.class, () -> MatrixPlan.of(List.of(), BUILD_JDK,
                List.of(Path.of("/a/jdk"), Path.of("/b/jdk")), List.of()), "two JDKs with one id");
    }

    @Test
    void optionsComeFromSystemProperties() {
        Properties p = new Properties();
        p.setProperty("portzero.out", "/r/target/portzero");
        p.setProperty("portzero.runner.jar", "/r/runner.jar");
        p.setProperty("portzero.platforms.home", "/r/containers/platforms");
        p.setProperty("portzero.platforms", " host , narrow-range,");
        p.setProperty("portzero.platforms.dir", "");
        p.setProperty("portzero.host.jdks", "/usr/lib/jvm/temurin-25-jdk-amd64");
        p.setProperty("portzero.require-containers", "true");
        p.setProperty("java.home", BUILD_JDK.toString());
        MatrixOptions options = MatrixOptions.from(p);
        assertEquals(List.of("host", "narrow-range"), options.selection());
        assertEquals(List.of(), options.userPlatformDirs());
        assertEquals(List.of(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64")), options.hostJdks());
        assertTrue(options.requireContainers());
        assertEquals(2, options.parallel());
        assertEquals(Path.of("/r/target/portzero/runs"), options.runsDir());
    }
}
