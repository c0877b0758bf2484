package org.portzero.suites.probe;

/** Opens sockets through one API. Implementations record; they never judge. */
public interface SocketLayer {

    Layer layer();

    /** Whether this layer has sockets of the transport at all (the async layer has no UDP). */
    boolean supports(Transport transport);

    /** Opens a socket under the trace and records the call. The socket is closed with the trace. */
    ProbeSocket open(SocketShape shape, Role role, Trace trace);

    /** Opens a client (or datagram) socket. */
    default ProbeSocket open(SocketShape shape, Trace trace) {
        return open(shape, Role.CLIENT, trace);
    }
}
