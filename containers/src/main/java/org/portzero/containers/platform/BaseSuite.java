package org.portzero.containers.platform;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Debian releases a portzero base image can be made of: the tag suffix users write in
 * {@code platform.yaml} ({@code debian12}) and the Debian suite name debootstrap wants.
 */
public enum BaseSuite {
    DEBIAN12("debian12", "bookworm"),
    DEBIAN13("debian13", "trixie"),
    /**
     * Debian unstable: every JDK Debian ships, 8 to the newest early access. Its Release file is
     * often past its Valid-Until on a mirror, so apt is told not to refuse it ({@link #aptGet()}).
     */
    SID("sid", "sid");

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

    /**
     * {@code apt-get} as an image recipe calls it on this suite: sid's Release file may be past its
     * Valid-Until on the mirror, which apt would refuse; the stable suites' files are signed for longer.
     */
    public String aptGet() {
        return this == SID ? "apt-get -o Acquire::Check-Valid-Until=false" : "apt-get";
    }

    public static Optional<BaseSuite> byLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.name.equals(label)).findFirst();
    }
}
