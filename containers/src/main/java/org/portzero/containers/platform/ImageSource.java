package org.portzero.containers.platform;

import java.nio.file.Path;

/**
 * Where a platform's image comes from: a portzero base image plus a JDK, a Dockerfile in the
 * platform's folder, or the image of another platform (a variant that only changes settings).
 */
public sealed interface ImageSource {

    /** A portzero base image ({@code portzero/base:<suite>}) with a JDK added by the harness. */
    record Base(BaseSuite suite) implements ImageSource {}

    /** A Dockerfile; its folder is the build context. */
    record Dockerfile(Path file) implements ImageSource {}

    /** The image of the platform with this id, reused as it is. */
    record SharedImage(String platformId) implements ImageSource {}
}
