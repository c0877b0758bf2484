package org.portzero.containers.matrix;

import java.nio.file.Path;

/**
 * A platform without a container: the runner on this machine with one of its JDKs.
 * {@code host} is the build's JDK; {@code host-<dir name>} each JDK of {@code portzero.host.jdks}.
 */
public record HostPlatform(String id, Path javaHome) {

    public static final String BUILD_JDK_ID = "host";

    /** {@code /usr/lib/jvm/temurin-25-jdk-amd64} → {@code host-temurin-25-jdk-amd64}. */
    public static HostPlatform forJdk(Path javaHome) {
        Path name = javaHome.normalize().getFileName();
        String slug = (name == null ? "jdk" : name.toString()).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-");
        return new HostPlatform(BUILD_JDK_ID + "-" + slug, javaHome);
    }
}
