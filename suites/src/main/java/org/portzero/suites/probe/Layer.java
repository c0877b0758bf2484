package org.portzero.suites.probe;

/**
 * The API through which a socket operation is performed. An observation names its layer so a
 * report can say whether the JDK or the kernel decided an outcome.
 */
public enum Layer {
    /** {@code java.net.Socket}, {@code ServerSocket}, {@code DatagramSocket}. */
    SOCKET,
    /** {@code java.nio.channels} blocking channels. */
    NIO,
    /** {@code AsynchronousSocketChannel} and {@code AsynchronousServerSocketChannel} (TCP only). */
    ASYNC,
    /** The raw system calls through JNA; errors are errno values, not exceptions. */
    LIBC;

    /** The lower-case spelling used in ids and reports. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isJdk() {
        return this != LIBC;
    }

    /**
     * Whether the layer has sockets of the transport at all: the JDK has no asynchronous datagram
     * channel and no MPTCP socket; the raw system calls open every transport.
     */
    public boolean opens(Transport transport) {
        return switch (this) {
            case LIBC -> true;
            case ASYNC -> transport == Transport.TCP;
            case SOCKET, NIO -> transport != Transport.MPTCP;
        };
    }
}
