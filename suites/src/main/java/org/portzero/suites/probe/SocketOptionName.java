package org.portzero.suites.probe;

/** The socket options probes set; only the libc layer reaches the Linux-specific ones. */
public enum SocketOptionName {
    SO_REUSEADDR(1, 2),
    SO_REUSEPORT(1, 15),
    IPV6_V6ONLY(41, 26),
    /** Linux 4.2: bind reserves no port until connect. */
    IP_BIND_ADDRESS_NO_PORT(0, 24),
    /** Linux 6.3: a per-socket clamp of the ephemeral range, {@code hi << 16 | lo}. */
    IP_LOCAL_PORT_RANGE(0, 51);

    private final int level;
    private final int number;

    SocketOptionName(int level, int number) {
        this.level = level;
        this.number = number;
    }

    public int level() {
        return level;
    }

    public int number() {
        return number;
    }
}
