package org.portzero.containers.image;

import org.portzero.containers.platform.ImageSource;
import org.portzero.containers.platform.KernelSource;
import org.portzero.containers.platform.PlatformDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The image of a kernel platform: the guest platform's JDK image plus {@code qemu-system-x86} 10 or
 * newer ({@code install-qemu}: from bookworm-backports on bookworm, whose 7.2 breaks 6.12 guests),
 * one Debian kernel ({@code vmlinuz} of a {@code linux-image-*-cloud-amd64}, or of the package it
 * depends on that holds it: {@code fetch-kernel}) and the JDK image's
 * own root packed as an initramfs (with {@code busybox-static} and the {@code guest-init} script
 * as {@code /init}). Its entrypoint, {@code guest-boot}, boots that kernel under QEMU (TCG) and
 * runs the ordinary runner command in the guest, and unpacks the results the guest frames on its
 * second serial port ({@code PORTZERO-RESULTS-BEGIN bytes= sha256=}, base64, {@code
 * PORTZERO-RESULTS-END exit=}) into the container's output directory, so the harness copies them
 * out as from any container. A missing or truncated frame, a checksum mismatch or a guest that
 * overruns its limit exits 3 with the cause in {@code guest-broken.txt}: a broken platform.
 */
public final class KernelImageRecipe {

    /** The scripts copied into the build context, from this package's resources. */
    static final List<String> SCRIPTS = List.of("guest-init", "guest-boot", "pack-guest", "fetch-kernel", "install-qemu");
    /** Seconds left to the harness between the guest's limit and the platform's timeout. */
    static final long HARNESS_MARGIN_SECONDS = 30;
    /** The guest's memory; the platform's container needs about 1.5 GiB more (QEMU, initrd copy). */
    public static final int GUEST_MEMORY_MIB = 1536;
    /** The guest's CPUs (TCG threads). */
    public static final int GUEST_CPUS = 2;

    private static Path scripts;

    private KernelImageRecipe() {
    }

    /** The recipe of {@code platform}, which names a kernel and a guest platform. */
    public static ImageRecipe forPlatform(PlatformDefinition platform) {
        KernelSource kernel = platform.kernel().orElseThrow();
        if (!(platform.image() instanceof ImageSource.SharedImage guest)) {
            throw new IllegalArgumentException(platform.id() + ": a kernel platform needs image: {platform: …}");
        }
        long guestSeconds = Math.max(60, platform.timeout().toSeconds() - HARNESS_MARGIN_SECONDS);
        Map<String, Path> context = new LinkedHashMap<>();
        context.put("kernel", scriptsDirectory());
        String fetch;
        if (kernel instanceof KernelSource.LocalImage image) {
            fetch = "--file /opt/portzero/" + LOCAL + "/" + local(image.file(), "vmlinuz", platform, context);
        } else if (kernel instanceof KernelSource.LocalDeb deb) {
            fetch = "--deb /opt/portzero/" + LOCAL + "/" + local(deb.file(), "kernel.deb", platform, context);
        } else {
            fetch = ((KernelSource.Debian) kernel).name();
        }
        return new ImageRecipe("Dockerfile", dockerfile("portzero/" + guest.platformId() + ":latest", fetch, guestSeconds,
                !(kernel instanceof KernelSource.Debian)), context);
    }

    /** Where a kernel file from this machine goes in the build context. */
    static final String LOCAL = "kernel-local";

    /**
     * Puts a kernel file of this machine into the build context under a fixed name (no user text reaches
     * the Dockerfile), the file a link points to rather than the link (a kernel tree's
     * {@code arch/x86_64/boot/bzImage} is one); a missing one is named, the platform broken.
     */
    private static String local(Path file, String name, PlatformDefinition platform, Map<String, Path> context) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("kernel file " + file + " (kernel: in " + platform.folder().resolve("platform.yaml")
                    + ") does not exist or is not a file");
        }
        try {
            context.put(LOCAL + "/" + name, file.toRealPath());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("kernel file " + file + " cannot be read: " + e.getMessage(), e);
        }
        return name;
    }

    static String dockerfile(String guestImage, String kernel, long guestSeconds, boolean localKernel) {
        return """
                # The guest's root: the JDK image, busybox for /init, packed as an initramfs. Only the
                # two scripts it needs are copied, so editing guest-boot or fetch-kernel does not repack
                # it; this stage is the same for every kernel.
                FROM %1$s AS guest
                USER root
                COPY kernel/guest-init kernel/pack-guest /portzero-kernel/
                RUN apt-get update \\
                 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends busybox-static cpio \\
                 && rm -rf /var/lib/apt/lists/* \\
                 && sh /portzero-kernel/pack-guest

                # The host side: QEMU (10 or newer), the packed guest root, then the kernel — the layers
                # every kernel shares first, so a further kernel adds only its own.
                FROM %1$s
                USER root
                COPY kernel/install-qemu /opt/portzero/kernel-scripts/install-qemu
                RUN sh /opt/portzero/kernel-scripts/install-qemu
                COPY --from=guest /guest.cpio /opt/portzero/kernel/guest.cpio
                COPY kernel/ /opt/portzero/kernel-scripts/
                %6$sRUN sh /opt/portzero/kernel-scripts/fetch-kernel %2$s
                ENV PORTZERO_GUEST_SECONDS=%3$d PORTZERO_GUEST_MEMORY=%4$d PORTZERO_GUEST_CPUS=%5$d
                USER portzero
                ENTRYPOINT ["/opt/portzero/kernel-scripts/guest-boot"]
                """.formatted(guestImage, kernel, guestSeconds, GUEST_MEMORY_MIB, GUEST_CPUS,
                localKernel ? "COPY " + LOCAL + "/ /opt/portzero/" + LOCAL + "/\n" : "");
    }

    /** The guest scripts beside this class (resources {@code kernel/}), copied once per JVM to a directory the build context can name. */
    static synchronized Path scriptsDirectory() {
        if (scripts == null) {
            try {
                Path dir = Files.createTempDirectory("portzero-kernel-scripts");
                for (String name : SCRIPTS) {
                    try (InputStream in = KernelImageRecipe.class.getResourceAsStream("kernel/" + name)) {
                        if (in == null) {
                            throw new IllegalStateException("missing resource " + name);
                        }
                        Path target = dir.resolve(name);
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        target.toFile().setExecutable(true, false);
                    }
                }
                dir.toFile().deleteOnExit();
                scripts = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scripts;
    }
}
