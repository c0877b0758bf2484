package org.portzero.suites.probe;

import java.net.InetSocketAddress;

/**
 * A socket opened through one layer. Every call returns the {@link Observation} it produced and
 * adds it to the trace the socket was opened under; no call throws for a refused operation.
 */
public interface ProbeSocket extends AutoCloseable {

    /** {@link #kernelSockname()}'s failure when the JDK positively says the socket is closed. */
    String CLOSED = org.portzero.agent.Wire.CLOSED;
    /** {@link #kernelSockname()}'s failure when no descriptor was found: not created yet, or hidden. */
    String NO_DESCRIPTOR = org.portzero.agent.Wire.NO_DESCRIPTOR;

    /** The label of this socket in its trace. */
    String label();

    Layer layer();

    SocketShape shape();

    Observation bind(InetSocketAddress local);

    /** TCP only; on a UDP socket the observation records that the operation does not exist. */
    Observation listen(int backlog);

    Observation connect(InetSocketAddress remote);

    /** Accepts one connection; the accepted socket is tracked by the same trace. */
    Accepted accept();

    Observation send(InetSocketAddress to, byte[] payload);

    /** The local address as the layer reports it. */
    Observation getsockname();

    /** The peer address as the layer reports it. */
    Observation getpeername();

    Observation setsockopt(SocketOptionName option, int value);

    /**
     * Reads an int-valued option back; the detail is its value. Only the {@code libc} layer reaches the
     * Linux-specific options this is asked for; the JDK layers have no call for it.
     */
    default Observation getsockopt(SocketOptionName option) {
        throw new UnsupportedOperationException("getsockopt(" + option + ") is asked of libc sockets only, not " + label());
    }

    /** Whether the layer considers the socket open and connected; detail {@code open=… connected=…}. */
    Observation state();

    /**
     * For JDK layers: the kernel's own getsockname on this socket's file descriptor (layer libc).
     * For the libc layer: the same as {@link #getsockname()}.
     */
    Observation kernelSockname();

    /** For JDK layers: the kernel's getpeername on this socket's file descriptor (layer libc). */
    Observation kernelPeername();

    /** {@code shutdown(SHUT_RDWR)}: ends both directions of a stream without closing the socket. */
    Observation shutdown();

    /** Closes the socket and records the call. */
    Observation closeSocket();

    /**
     * Makes the next close of a TCP socket abortive (SO_LINGER {on, 0}: a RST, no TIME_WAIT), so a
     * connection the harness closes takes no port from the checks after it. Not recorded: it is the
     * harness's housekeeping, not a probe. Does nothing on UDP sockets or a socket without a descriptor.
     */
    default void resetOnClose() {
    }

    @Override
    default void close() {
        closeSocket();
    }

    /** The outcome of accept: its observation and, when it succeeded, the new socket. */
    record Accepted(Observation observation, ProbeSocket socket) {
    }
}
