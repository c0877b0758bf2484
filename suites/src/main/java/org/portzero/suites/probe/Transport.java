package org.portzero.suites.probe;

import java.util.List;

/**
 * The transport protocol of a socket: a TCP stream, a UDP datagram socket, or an MPTCP stream
 * ({@code IPPROTO_MPTCP}, a stream socket whose subflows are TCP connections).
 */
public enum Transport {
    TCP(Libc.SOCK_STREAM, 0, "0"),
    UDP(Libc.SOCK_DGRAM, 0, "0"),
    /**
     * Multipath TCP. Only the raw system calls open it (no JDK API does), and only on a kernel that
     * offers it: the platform's facts carry the kernel's answer to {@code socket(…, IPPROTO_MPTCP)}.
     */
    MPTCP(Libc.SOCK_STREAM, 262, "IPPROTO_MPTCP");

    /** TCP and UDP: the transports every kernel and every layer has. */
    public static final List<Transport> TCP_UDP = List.of(TCP, UDP);

    private final int socketType;
    private final int protocol;
    private final String protocolName;

    Transport(int socketType, int protocol, String protocolName) {
        this.socketType = socketType;
        this.protocol = protocol;
        this.protocolName = protocolName;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether sockets are connection-oriented streams: they listen, accept and connect with a handshake. */
    public boolean stream() {
        return socketType == Libc.SOCK_STREAM;
    }

    /**
     * The port space the transport's ports are taken from. An MPTCP socket binds its first subflow,
     * a TCP socket, so it takes its port from TCP's space and is listed in {@code /proc/net/tcp*}.
     */
    public Transport portSpace() {
        return this == MPTCP ? TCP : this;
    }

    /** {@code SOCK_STREAM} or {@code SOCK_DGRAM}, the {@code type} argument of {@code socket(2)}. */
    int socketType() {
        return socketType;
    }

    /** The {@code protocol} argument of {@code socket(2)}: 0 for the type's default. */
    int protocol() {
        return protocol;
    }

    /** {@code SOCK_STREAM, IPPROTO_MPTCP}: the type and protocol arguments as a trace shows them. */
    public String socketArguments() {
        return (stream() ? "SOCK_STREAM" : "SOCK_DGRAM") + ", " + protocolName;
    }
}
