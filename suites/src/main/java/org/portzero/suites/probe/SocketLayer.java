package org.portzero.suites.probe;

import java.net.InetSocketAddress;

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

    /** What a crowd hands back, socket by socket; answering false ends the crowd after this socket. */
    @FunctionalInterface
    interface CrowdMember {
        boolean next(ProbeSocket socket, Observation bind, Observation name);
    }

    /**
     * Opens up to {@code count} sockets of the shape in turn, binding each to {@code local} and
     * asking its name: the records of {@code count} rounds of open, bind and getsockname, each
     * socket handed to {@code each} in turn. Nothing after the socket that ends the crowd is
     * recorded (a layer that opened more already releases them). The sockets stay open until the
     * trace closes. One call, so that a layer in another process can make it one round trip (the
     * unique family's crowds of up to 2,000 sockets).
     */
    default void bindCrowd(SocketShape shape, Role role, InetSocketAddress local, int count, Trace trace,
                           CrowdMember each) {
        for (int i = 0; i < count; i++) {
            ProbeSocket socket = open(shape, role, trace);
            Observation bind = socket.bind(local);
            if (!each.next(socket, bind, socket.getsockname())) {
                return;
            }
        }
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
