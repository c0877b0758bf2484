package org.portzero.suites.probe;

/** What kind of socket to open: its address family and its transport. */
public record SocketShape(AddressFamily family, Transport transport) {

    /** {@code tcp4}, {@code udp6}, {@code tcp46}: the prefix of variant names. */
    public String id() {
        return transport.id() + family.suffix();
    }

    @Override
    public String toString() {
        return id();
    }
}
