package org.portzero.containers.platform;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Debian releases a portzero base image can be made of: the tag suffix users write in
 * {@code platform.yaml} ({@code debian12}) and the Debian suite name debootstrap wants.
 */
public enum BaseSuite {
    DEBIAN12("debian12", "bookworm"),
    DEBIAN13("debian13", "trixie");

    private final String name;
    private final String codename;

    BaseSuite(String name, String codename) {
        this.name = name;
        this.codename = codename;
    }

    /** The name used in platform.yaml and in the image tag, e.g. {@code debian13}. */
    public String label() {
        return name;
    }

    /** The Debian suite, e.g. {@code trixie}. */
    public String codename() {
        return codename;
    }

    /** The stable local tag, e.g. {@code portzero/base:debian13}. */
    public String imageTag() {
        return "portzero/base:" + name;
    }

    /** The registry image this base mirrors, e.g. {@code debian:trixie-slim}. */
    public String registryImage() {
        return "debian:" + codename + "-slim";
    }

    public static Optional<BaseSuite> byLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.name.equals(label)).findFirst();
    }
}
