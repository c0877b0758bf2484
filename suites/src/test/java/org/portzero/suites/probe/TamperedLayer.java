package org.portzero.suites.probe;

import java.net.InetSocketAddress;
import java.util.function.Predicate;

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
    private final Predicate<SocketShape> shapes;

    public TamperedLayer(SocketLayer real, Tamper tamper) {
        this(real, shape -> true, tamper);
    }

    /** Tampers only with sockets of the shapes chosen, e.g. UDP ones; the others answer truly. */
    public TamperedLayer(SocketLayer real, Predicate<SocketShape> shapes, Tamper tamper) {
        this.real = real;
        this.shapes = shapes;
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

    /** The kernel's getsockname on a JDK socket's descriptor (layer libc) answers {@code port}; the API is left alone. */
    public static Tamper kernelPortAlways(int port) {
        return (op, o) -> op != Operation.GETSOCKNAME || o.layer() != Layer.LIBC ? o : portAlways(port).apply(op, o);
    }

    /** getsockname reports the wildcard of the other family: {@code ::} for {@code 0.0.0.0} and back. */
    public static Tamper wildcardOfTheOtherFamily() {
        return (op, o) -> op != Operation.GETSOCKNAME || o.endpoint() == null || !o.endpoint().anyLocal() ? o
                : withEndpoint(o, o.endpoint().family().equals("inet")
                        ? new Endpoint("::", o.endpoint().port(), "inet6", true, false)
                        : new Endpoint("0.0.0.0", o.endpoint().port(), "inet", true, false));
    }

    /** getpeername answers a fixed address with the real port, as if the peer were someone else. */
    public static Tamper peername(String address) {
        return (op, o) -> op != Operation.GETPEERNAME || o.endpoint() == null ? o
                : withEndpoint(o, new Endpoint(address, o.endpoint().port(), address.contains(":") ? "inet6" : "inet",
                        false, false));
    }

    /** connect fails with {@code failure} instead of its real outcome. */
    public static Tamper connectFails(Failure failure) {
        return (op, o) -> op != Operation.CONNECT ? o : Observation.failed(o.layer(), op, o.socket(), o.arguments(), failure);
    }

    /** A bind the kernel refused succeeds, as if nothing held the address. */
    public static Tamper refusedBindSucceeds() {
        return (op, o) -> op != Operation.BIND || o.succeeded() ? o
                : Observation.ok(o.layer(), op, o.socket(), o.arguments(), (String) null);
    }

    /** Every bind fails with {@code failure}, as if the address were taken. */
    public static Tamper bindFails(Failure failure) {
        return (op, o) -> op != Operation.BIND ? o : Observation.failed(o.layer(), op, o.socket(), o.arguments(), failure);
    }

    /** The API's state answers {@code detail} ({@code open=true connected=false}). */
    public static Tamper stateSays(String detail) {
        return (op, o) -> op != Operation.STATE ? o : Observation.ok(o.layer(), op, o.socket(), o.arguments(), detail);
    }

    /** The kernel's getsockname on a JDK socket's descriptor answers {@code replacement} whatever it saw. */
    public static Tamper kernelSocknameIs(Observation replacement) {
        return (op, o) -> op != Operation.GETSOCKNAME || o.layer() != Layer.LIBC ? o
                : new Observation(Layer.LIBC, op, o.socket(), o.arguments(), replacement.endpoint(),
                        replacement.detail(), replacement.failure());
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
        ProbeSocket opened = real.open(shape, role, trace);
        return shapes.test(shape) ? new Tampered(opened) : opened;
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
        public Observation getsockopt(SocketOptionName option) {
            return t(Operation.GETSOCKOPT, s.getsockopt(option));
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
