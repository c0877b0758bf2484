package org.portzero.suites.probe;

import java.net.InetSocketAddress;

/** Stands in for a socket whose open call failed: every later call records that there is no socket. */
final class Unopened implements ProbeSocket {

    private static final Failure NO_SOCKET = new Failure(null, "NoSocket", "open failed; see the open observation");

    private final Layer layer;
    private final SocketShape shape;
    private final String label;
    private final Trace trace;

    Unopened(Layer layer, SocketShape shape, String label, Trace trace) {
        this.layer = layer;
        this.shape = shape;
        this.label = label;
        this.trace = trace;
    }

    private Observation none(Operation op) {
        return trace.record(Observation.failed(layer, op, label, "", NO_SOCKET));
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

    @Override
    public Observation bind(InetSocketAddress local) {
        return none(Operation.BIND);
    }

    @Override
    public Observation listen(int backlog) {
        return none(Operation.LISTEN);
    }

    @Override
    public Observation connect(InetSocketAddress remote) {
        return none(Operation.CONNECT);
    }

    @Override
    public Accepted accept() {
        return new Accepted(none(Operation.ACCEPT), null);
    }

    @Override
    public Observation send(InetSocketAddress to, byte[] payload) {
        return none(Operation.SEND);
    }

    @Override
    public Observation getsockname() {
        return none(Operation.GETSOCKNAME);
    }

    @Override
    public Observation getpeername() {
        return none(Operation.GETPEERNAME);
    }

    @Override
    public Observation setsockopt(SocketOptionName option, int value) {
        return none(Operation.SETSOCKOPT);
    }

    @Override
    public Observation state() {
        return trace.record(Observation.ok(layer, Operation.STATE, label, "", "open=false"));
    }

    @Override
    public Observation kernelSockname() {
        return none(Operation.GETSOCKNAME);
    }

    @Override
    public Observation kernelPeername() {
        return none(Operation.GETPEERNAME);
    }

    @Override
    public Observation shutdown() {
        return none(Operation.SHUTDOWN);
    }

    @Override
    public Observation closeSocket() {
        return none(Operation.CLOSE);
    }
}
