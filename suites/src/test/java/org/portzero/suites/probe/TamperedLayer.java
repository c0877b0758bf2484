package org.portzero.suites.probe;

import java.net.InetSocketAddress;


/**
 * A test double: a real layer whose answers to chosen operations are rewritten, to show that a
 * check fails when the claim it guards is broken. The real call still happens.
 */
public final class TamperedLayer implements SocketLayer {

    /** Rewrites one observation of one operation; returns it unchanged when not concerned. */
    public interface Tamper {
        Observation apply(Operation operation, Observation real);
    }

    private final SocketLayer real;
    private final Tamper tamper;

    public TamperedLayer(SocketLayer real, Tamper tamper) {
        this.real = real;
        this.tamper = tamper;
    }

    /** Every address-returning operation answers {@code port} instead. */
    public static Tamper portAlways(int port) {
        return (op, o) -> o.endpoint() == null || op == Operation.ACCEPT ? o
                : withEndpoint(o, new Endpoint(o.endpoint().address(), port, o.endpoint().family(),
                        o.endpoint().anyLocal(), o.endpoint().v4Mapped()));
    }

    /** getsockname answers a fixed, specific address instead of what the socket holds. */
    public static Tamper sockname(String address, boolean anyLocal) {
        return (op, o) -> op != Operation.GETSOCKNAME || o.endpoint() == null ? o
                : withEndpoint(o, new Endpoint(address, o.endpoint().port(), address.contains(":") ? "inet6" : "inet",
                        anyLocal, false));
    }

    /** connect always succeeds, as if the port-0 refusal were gone. */
    public static Tamper connectSucceeds() {
        return (op, o) -> op != Operation.CONNECT ? o : Observation.ok(o.layer(), op, o.socket(), o.arguments(), (String) null);
    }

    public static Observation withEndpoint(Observation o, Endpoint e) {
        return new Observation(o.layer(), o.operation(), o.socket(), o.arguments(), e, o.detail(), o.failure());
    }

    @Override
    public Layer layer() {
        return real.layer();
    }

    @Override
    public boolean supports(Transport transport) {
        return real.supports(transport);
    }

    @Override
    public ProbeSocket open(SocketShape shape, Role role, Trace trace) {
        return new Tampered(real.open(shape, role, trace));
    }

    private final class Tampered implements ProbeSocket {
        private final ProbeSocket s;

        Tampered(ProbeSocket s) {
            this.s = s;
        }

        private Observation t(Operation op, Observation o) {
            return tamper.apply(op, o);
        }

        @Override
        public String label() {
            return s.label();
        }

        @Override
        public Layer layer() {
            return s.layer();
        }

        @Override
        public SocketShape shape() {
            return s.shape();
        }

        @Override
        public Observation bind(InetSocketAddress local) {
            return t(Operation.BIND, s.bind(local));
        }

        @Override
        public Observation listen(int backlog) {
            return t(Operation.LISTEN, s.listen(backlog));
        }

        @Override
        public Observation connect(InetSocketAddress remote) {
            return t(Operation.CONNECT, s.connect(remote));
        }

        @Override
        public Accepted accept() {
            Accepted a = s.accept();
            return new Accepted(t(Operation.ACCEPT, a.observation()), a.socket() == null ? null : new Tampered(a.socket()));
        }

        @Override
        public Observation send(InetSocketAddress to, byte[] payload) {
            return t(Operation.SEND, s.send(to, payload));
        }

        @Override
        public Observation getsockname() {
            return t(Operation.GETSOCKNAME, s.getsockname());
        }

        @Override
        public Observation getpeername() {
            return t(Operation.GETPEERNAME, s.getpeername());
        }

        @Override
        public Observation setsockopt(SocketOptionName option, int value) {
            return t(Operation.SETSOCKOPT, s.setsockopt(option, value));
        }

        @Override
        public Observation state() {
            return t(Operation.STATE, s.state());
        }

        @Override
        public Observation kernelSockname() {
            return t(Operation.GETSOCKNAME, s.kernelSockname());
        }

        @Override
        public Observation kernelPeername() {
            return t(Operation.GETPEERNAME, s.kernelPeername());
        }

        @Override
        public Observation shutdown() {
            return t(Operation.SHUTDOWN, s.shutdown());
        }

        @Override
        public Observation closeSocket() {
            return s.closeSocket();
        }
    }

}
