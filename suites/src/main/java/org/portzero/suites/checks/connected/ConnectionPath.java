package org.portzero.suites.checks.connected;

import java.net.InetAddress;
import org.portzero.suites.probe.AddressFamily;

/**
 * How a client reaches a listener bound to a wildcard: which family each end uses and which
 * address the client targets.
 */
public enum ConnectionPath {
    //                listener socket     client socket        target
    LOOPBACK4(AddressFamily.IPV4, AddressFamily.IPV4, "127.0.0.1"),
    /** Another 127/8 address: lo answers for the whole block. */
    OTHER127(AddressFamily.IPV4, AddressFamily.IPV4, "127.0.0.2"),
    LOOPBACK6(AddressFamily.IPV6, AddressFamily.IPV6, "::1"),
    /** An IPv4 client to a dual-stack {@code ::} listener: the server side sees v4-mapped addresses. */
    DUAL(AddressFamily.DUAL, AddressFamily.IPV4, "127.0.0.1");

    private final AddressFamily listener;
    private final AddressFamily client;
    private final InetAddress target;

    ConnectionPath(AddressFamily listener, AddressFamily client, String target) {
        this.listener = listener;
        this.client = client;
        this.target = AddressFamily.literal(target);
    }

    public AddressFamily listener() {
        return listener;
    }

    public AddressFamily client() {
        return client;
    }

    public InetAddress target() {
        return target;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
