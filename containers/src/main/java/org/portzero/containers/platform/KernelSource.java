package org.portzero.containers.platform;

import java.nio.file.Path;

/**
 * Where a kernel platform's kernel comes from ({@code kernel:} in platform.yaml).
 *
 * <pre>
 *   kernel: bookworm                          Debian: a suite's linux-image-cloud-amd64 (or -backports, sid, experimental)
 *   kernel: linux-image-6.1.0-50-cloud-amd64  Debian: that package, looked up in every suite
 *   kernel: {file: build/bzImage}             a kernel image on this machine (your own build)
 *   kernel: {deb: linux-image-….deb}          a kernel package on this machine
 * </pre>
 *
 * Files are resolved against the platform's folder when relative. One that is missing, or a
 * package without a vmlinuz, leaves the platform without an image (broken, the file named) while
 * the others run; a file that does not boot breaks the platform at run time.
 */
public sealed interface KernelSource {

    /** A Debian suite or {@code linux-image-…} package, fetched from the mirror when the image is built. */
    record Debian(String name) implements KernelSource {
    }

    /** A kernel image ({@code bzImage}, {@code vmlinuz}) on this machine. */
    record LocalImage(Path file) implements KernelSource {
    }

    /** A {@code linux-image-…} package file on this machine. */
    record LocalDeb(Path file) implements KernelSource {
    }
}
