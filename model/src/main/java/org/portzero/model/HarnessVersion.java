package org.portzero.model;

/**
 * The harness's version, as the jar a class came from states it ({@code Implementation-Version} in
 * its manifest, the Maven project version); {@code dev} when the class was not loaded from such a jar
 * (a build's {@code target/classes}, an IDE). Every command's {@code --version} and every
 * {@code observations.json} read it here.
 */
public final class HarnessVersion {

    /** What a class outside a versioned jar reports. */
    public static final String UNVERSIONED = "dev";

    private HarnessVersion() {
    }

    /** The version of the jar {@code type} was loaded from. */
    public static String of(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? UNVERSIONED : version;
    }
}
