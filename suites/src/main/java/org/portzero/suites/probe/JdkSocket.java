package org.portzero.suites.probe;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.util.OptionalInt;

/**
 * What every JDK-backed probe socket shares: turning calls into observations, and asking the
 * kernel about the same file descriptor the JDK object holds.
 */
abstract class JdkSocket implements ProbeSocket {

    /** A bound on every blocking JDK call, so a hung accept or connect fails instead of hanging the run. */
    static final int TIMEOUT_MILLIS = 5_000;

    protected final Layer layer;
    protected final SocketShape shape;
    protected final String label;
    protected final Trace trace;

    JdkSocket(Layer layer, SocketShape shape, String label, Trace trace) {
        this.layer = layer;
        this.shape = shape;
        this.label = label;
        this.trace = trace;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Layer layer() {
        return layer;
    }

    @Override
    public SocketShape shape() {
        return shape;
    }

    /** The JDK object whose descriptor {@link #kernelSockname()} reads. */
    abstract Object jdkObject();

    @FunctionalInterface
    interface JdkCall {
        Observation run() throws Exception;
    }

    Observation call(Operation op, String args, JdkCall body) {
        try {
            return trace.record(body.run());
        } catch (Exception e) {
            return trace.record(Observation.failed(layer, op, label, args, Failure.ofException(e)));
        }
    }

    Observation done(Operation op, String args) {
        return Observation.ok(layer, op, label, args, (String) null);
    }

    Observation done(Operation op, String args, String detail) {
        return Observation.ok(layer, op, label, args, detail);
    }

    /** An address-valued result; a null address (unbound, unconnected) is recorded as such. */
    Observation address(Operation op, String args, SocketAddress address, String whenNull) {
        if (address == null) {
            return done(op, args, whenNull);
        }
        return Observation.ok(layer, op, label, args, Endpoint.of((InetSocketAddress) address));
    }

    Observation notInApi(Operation op, String args, String why) {
        return trace.record(Observation.failed(layer, op, label, args,
                new Failure(null, "UnsupportedOperation", why)));
    }

    /** The failure for an option the JDK does not expose, as a call result rather than a recorded call. */
    Observation notInApiResult(SocketOptionName option, int value) {
        return Observation.failed(layer, Operation.SETSOCKOPT, label, option + ", " + value,
                new Failure(null, "UnsupportedOperation", option + " is not exposed by the JDK"));
    }

    /** A socket a listener accepted, wrapped for its layer, and the peer the API reported. */
    record AcceptedBy(JdkSocket socket, SocketAddress peer) {
    }

    @FunctionalInterface
    interface Acceptor {
        AcceptedBy accept(String label) throws Exception;
    }

    /** Releases the socket without recording; cleanup only. */
    abstract void closeQuietly();

    /** Through the descriptor the JDK object holds: the JDK's own SO_LINGER is missing on asynchronous channels. */
    @Override
    public void resetOnClose() {
        if (shape.transport() == Transport.TCP) {
            FileDescriptors.of(jdkObject()).ifPresent(LibcSocket::lingerZero);
        }
    }

    /** Accepts through the API, tracks the new socket under the trace and records its peer. */
    Accepted acceptWith(Acceptor acceptor) {
        String accepted = trace.nextLabel();
        try {
            AcceptedBy by = acceptor.accept(accepted);
            trace.track(by.socket()::closeQuietly);
            Observation o = trace.record(Observation.ok(layer, Operation.ACCEPT, label, "-> " + accepted,
                    Endpoint.of((InetSocketAddress) by.peer())));
            return new Accepted(o, by.socket());
        } catch (Exception e) {
            return new Accepted(trace.record(Observation.failed(layer, Operation.ACCEPT, label, "",
                    Failure.ofException(e))), null);
        }
    }

    /** Sockets without a stream to shut down (listeners, datagram sockets) record that. */
    @Override
    public Observation shutdown() {
        return notInApi(Operation.SHUTDOWN, "", "only a connected stream socket shuts down");
    }

    static SocketOption<Boolean> standardOption(SocketOptionName option) {
        return switch (option) {
            case SO_REUSEADDR -> StandardSocketOptions.SO_REUSEADDR;
            case SO_REUSEPORT -> StandardSocketOptions.SO_REUSEPORT;
            default -> null;
        };
    }

    @Override
    public Observation kernelSockname() {
        return kernelName(Operation.GETSOCKNAME);
    }

    @Override
    public Observation kernelPeername() {
        return kernelName(Operation.GETPEERNAME);
    }

    private Observation kernelName(Operation op) {
        String args = "fd of " + label + " (" + layer.id() + ")";
        FileDescriptors.Lookup found = FileDescriptors.lookup(jdkObject());
        if (found.closed()) {
            return trace.record(Observation.failed(Layer.LIBC, op, label, args,
                    new Failure(null, ProbeSocket.CLOSED, "the JDK says this socket is closed: no descriptor left")));
        }
        if (found.fd().isEmpty()) {
            return trace.record(Observation.failed(Layer.LIBC, op, label, args,
                    new Failure(null, ProbeSocket.NO_DESCRIPTOR, "the JDK holds no file descriptor for this socket yet (or hides it)")));
        }
        return trace.record(LibcSocket.name(found.fd().getAsInt(), op, label, args));
    }

    static String describe(SocketAddress address) {
        return address == null ? "null" : Endpoint.of((InetSocketAddress) address).shortForm();
    }
}
