package org.portzero.suites.probe;

/** Opens sockets through one API. Implementations record; they never judge. */
public interface SocketLayer {

    Layer layer();

    /** Whether this layer has sockets of the transport at all (see {@link Layer#opens}). */
    default boolean supports(Transport transport) {
        return layer().opens(transport);
    }

    /** Opens a socket under the trace and records the call. The socket is closed with the trace. */
    ProbeSocket open(SocketShape shape, Role role, Trace trace);

    /** Opens a client (or datagram) socket. */
    default ProbeSocket open(SocketShape shape, Trace trace) {
        return open(shape, Role.CLIENT, trace);
    }

    /**
     * Records an open the layer cannot perform (a transport it has no sockets of) and returns the
     * unopened socket: every later call on it records the same refusal, never a silent stand-in.
     */
    static ProbeSocket unsupported(Layer layer, SocketShape shape, String label, String call, Trace trace) {
        trace.record(Observation.failed(layer, Operation.OPEN, label, call,
                new Failure(null, "UnsupportedOperation", "the " + layer.id() + " layer has no " + shape.transport().id() + " sockets")));
        return new Unopened(layer, shape, label, trace);
    }
}
