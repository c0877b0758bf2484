package org.portzero.containers.image;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portzero.containers.platform.PlatformDefinition;
import org.portzero.containers.platform.PlatformDefinitionReader;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An image is named by the hash of its recipe: same recipe, same name; any change, a new one. */
class ImageRecipeTest {

    @TempDir
    Path dir;

    @Test
    void fromImagesSkipBuildStagesAndPlatformFlags() {
        ImageRecipe recipe = new ImageRecipe("Dockerfile", """
                FROM --platform=linux/amd64 portzero/base:debian13 AS tools
                RUN true
                from portzero/debian13-jdk25:latest
                COPY --from=tools /x /x
                FROM tools
                """, Map.of());
        assertEquals(List.of("portzero/base:debian13", "portzero/debian13-jdk25:latest"), recipe.fromImages());
    }

    @Test
    void hashIsStableAndFollowsEveryIngredient() throws IOException {
        Files.writeString(dir.resolve("probe.sh"), "echo one\n");
        ImageRecipe recipe = new ImageRecipe("Dockerfile", "FROM portzero/base:debian13\nCOPY probe.sh /\n",
                Map.of("probe.sh", dir.resolve("probe.sh")));
        Map<String, String> ids = Map.of("portzero/base:debian13", "sha256:aaa");
        String hash = recipe.hash(ids);
        assertEquals(hash, recipe.hash(new HashMap<>(ids)), "same recipe, same hash");

        assertNotEquals(hash, recipe.hash(Map.of("portzero/base:debian13", "sha256:bbb")),
                "a rebuilt base changes the hash");
        ImageRecipe otherText = new ImageRecipe("Dockerfile", "FROM portzero/base:debian13\nCOPY probe.sh /p\n",
                Map.of("probe.sh", dir.resolve("probe.sh")));
        assertNotEquals(hash, otherText.hash(ids), "a changed Dockerfile changes the hash");
        Files.writeString(dir.resolve("probe.sh"), "echo two\n");
        assertNotEquals(hash, recipe.hash(ids), "a changed context file changes the hash");
    }

    @Test
    void generatedRecipesInstallTheJdkAndTheNonRootUser() {
        String debian = ImageRecipes.debianJdk("portzero/base:debian12", "openjdk-17-jre-headless");
        assertTrue(debian.startsWith("FROM portzero/base:debian12\n"), debian);
        assertTrue(debian.contains("apt-get install -y --no-install-recommends openjdk-17-jre-headless"), debian);
        assertTrue(debian.contains("useradd --uid 10001 --gid 10001"), debian);
        String local = ImageRecipes.localJdk("portzero/base:debian13");
        assertTrue(local.contains("COPY jdk/ /opt/jdk/"), local);
        assertTrue(local.contains("ln -s /opt/jdk/bin/java /usr/local/bin/java"), local);
    }

    @Test
    void aLocalJdkRecipeCarriesTheDirectory() throws IOException {
        Path platform = Files.createDirectories(dir.resolve("local"));
        Path jdk = Files.createDirectories(dir.resolve("fake-jdk/bin"));
        Files.writeString(platform.resolve("platform.yaml"), """
                id: local
                description: a local JDK
                image: {base: debian13}
                jdkHome: %s
                """.formatted(jdk.getParent()));
        PlatformDefinition definition = new PlatformDefinitionReader().read(platform);
        ImageRecipe recipe = ImageRecipes.forPlatform(definition);
        assertEquals(Map.of("jdk", jdk.getParent()), recipe.context());
        assertEquals(List.of("portzero/base:debian13"), recipe.fromImages());
    }

    @Test
    void buildContextKeepsLinksAndModes() throws IOException {
        Path jdk = Files.createDirectories(dir.resolve("jdk/bin"));
        Path java = Files.writeString(jdk.resolve("java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(dir.resolve("jdk/java-link"), Path.of("bin/java"));
        ImageRecipe recipe = new ImageRecipe("Dockerfile", "FROM portzero/base:debian13\nCOPY jdk/ /opt/jdk/\n",
                Map.of("jdk", dir.resolve("jdk")));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BuildContext.write(recipe, out);

        Map<String, TarArchiveEntry> entries = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                entries.put(e.getName(), e);
            }
        }
        assertTrue(entries.containsKey("Dockerfile"), "Dockerfile in context: " + entries.keySet());
        assertEquals(0755, entries.get("jdk/bin/java").getMode() & 0777, "executable bit kept");
        assertTrue(entries.get("jdk/java-link").isSymbolicLink(), "link kept as a link");
        assertEquals("bin/java", entries.get("jdk/java-link").getLinkName(), "link target");
    }
}
