package org.portzero.containers.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portzero.containers.platform.KernelSource;
import org.portzero.containers.platform.PlatformDefinition;
import org.portzero.containers.platform.PlatformDefinitionReader;
import org.portzero.model.MalformedInput;

/** kernel: a Debian suite or package, or a kernel image / package of the user's, resolved against the platform's folder. */
class KernelSourceTest {

    @TempDir
    Path dir;

    private PlatformDefinition platform(String id, String kernel) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(id));
        Files.writeString(folder.resolve(PlatformDefinitionReader.FILE_NAME),
                "id: " + id + "\ndescription: d\nimage: {platform: debian12-jdk17}\nkernel: " + kernel + "\n");
        return new PlatformDefinitionReader().read(folder);
    }

    @Test
    void suitesPackagesAndLocalFilesAreRead() throws IOException {
        assertEquals(new KernelSource.Debian("trixie-backports"), platform("a", "trixie-backports").kernel().orElseThrow());
        assertEquals(new KernelSource.Debian("experimental"), platform("b", "experimental").kernel().orElseThrow());
        assertEquals(new KernelSource.LocalImage(dir.resolve("c/build/bzImage")),
                platform("c", "{file: build/bzImage}").kernel().orElseThrow());
        assertEquals(new KernelSource.LocalDeb(dir.resolve("linux-image-6.1.deb")),
                platform("d", "{deb: ../linux-image-6.1.deb}").kernel().orElseThrow());
    }

    @Test
    void aBadKernelIsRefusedWithItsLine() {
        MalformedInput both = assertThrows(MalformedInput.class, () -> platform("e", "{file: a, deb: b}"));
        assertTrue(both.getMessage().contains("field 'kernel'") && both.getMessage().contains("exactly one of file"),
                both.getMessage());
        MalformedInput unknown = assertThrows(MalformedInput.class, () -> platform("f", "{path: a}"));
        assertTrue(unknown.getMessage().contains("kernel.path"), unknown.getMessage());
        MalformedInput suite = assertThrows(MalformedInput.class, () -> platform("g", "wheezy"));
        assertTrue(suite.getMessage().contains("neither a Debian suite"), suite.getMessage());
    }

    @Test
    void aLocalKernelGoesIntoTheBuildContextAndAMissingOneIsNamed() throws IOException {
        PlatformDefinition mine = platform("h", "{file: vmlinuz-mine}");
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> KernelImageRecipe.forPlatform(mine));
        assertTrue(missing.getMessage().contains(dir.resolve("h/vmlinuz-mine") + " (kernel: in " + dir.resolve("h/platform.yaml")),
                missing.getMessage());

        Files.writeString(dir.resolve("h/vmlinuz-mine"), "not really a kernel");
        ImageRecipe recipe = KernelImageRecipe.forPlatform(mine);
        assertEquals(dir.resolve("h/vmlinuz-mine").toRealPath(), recipe.context().get("kernel-local/vmlinuz"));
        assertTrue(recipe.dockerfile().contains("COPY kernel-local/ /opt/portzero/kernel-local/\nRUN sh "
                + "/opt/portzero/kernel-scripts/fetch-kernel --file /opt/portzero/kernel-local/vmlinuz"), recipe.dockerfile());

        // a link (a kernel tree's arch/x86_64/boot/bzImage) stands for the file it points to
        Files.createSymbolicLink(dir.resolve("h/bzImage"), dir.resolve("h/vmlinuz-mine"));
        ImageRecipe linked = KernelImageRecipe.forPlatform(platform("h2", "{file: ../h/bzImage}"));
        assertEquals(dir.resolve("h/vmlinuz-mine").toRealPath(), linked.context().get("kernel-local/vmlinuz"));

        ImageRecipe debian = KernelImageRecipe.forPlatform(platform("i", "bookworm"));
        assertTrue(debian.dockerfile().contains("RUN sh /opt/portzero/kernel-scripts/fetch-kernel bookworm"));
        assertTrue(!debian.dockerfile().contains("kernel-local"), debian.dockerfile());
    }
}
