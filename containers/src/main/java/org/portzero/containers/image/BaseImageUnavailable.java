package org.portzero.containers.image;

/** A base image could be neither found, pulled nor built; the message says what to install. */
public final class BaseImageUnavailable extends RuntimeException {
    public BaseImageUnavailable(String message) {
        super(message);
    }
}
