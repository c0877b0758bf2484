package org.portzero.containers.platform;

/**
 * The network a platform's container gets. {@code none} leaves loopback only, which is all the
 * catalogue needs; {@code bridge} exists for user platforms that want Docker's default network.
 */
public enum NetworkMode {
    NONE("none"),
    BRIDGE("bridge");

    private final String dockerName;

    NetworkMode(String dockerName) {
        this.dockerName = dockerName;
    }

    public String dockerName() {
        return dockerName;
    }
}
