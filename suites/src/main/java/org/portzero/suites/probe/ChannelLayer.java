package org.portzero.suites.probe;

import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * {@code java.nio.channels} in blocking mode. The family is chosen at open: {@code open(INET)}
 * for IPv4, {@code open(INET6)} for IPv6 and {@code open()} (the JDK's dual-stack default) for
 * dual-stack. A {@code ServerSocketChannel} listens as part of {@code bind}.
 */
public final class ChannelLayer implements SocketLayer {

    @Override
    public Layer layer() {
        return Layer.NIO;
    }

    private static ProtocolFamily family(AddressFamily family) {
        return switch (family) {
            case IPV4 -> StandardProtocolFamily.INET;
            case IPV6 -> StandardProtocolFamily.INET6;
            case DUAL -> null;
        };
    }

    @Override
    public ProbeSocket open(SocketShape shape, Role role, Trace trace) {
        String label = trace.nextLabel();
        ProtocolFamily pf = family(shape.family());
        String fam = pf == null ? "" : pf.toString();
        String kind = shape.transport() == Transport.UDP ? "DatagramChannel"
                : role == Role.LISTENER ? "ServerSocketChannel" : "SocketChannel";
        String args = kind + ".open(" + fam + ")";
        if (!supports(shape.transport())) {
            return SocketLayer.unsupported(Layer.NIO, shape, label, args, trace);
        }
        try {
            ChannelSocket<?> socket;
            if (shape.transport() == Transport.UDP) {
                socket = new Datagram(shape, label, trace, pf == null ? DatagramChannel.open() : DatagramChannel.open(pf));
            } else if (role == Role.LISTENER) {
                socket = new Listener(shape, label, trace,
                        pf == null ? ServerSocketChannel.open() : ServerSocketChannel.open(pf));
            } else {
                socket = new Stream(shape, label, trace, pf == null ? SocketChannel.open() : SocketChannel.open(pf));
            }
            trace.track(socket::closeQuietly);
            trace.record(Observation.ok(Layer.NIO, Operation.OPEN, label, args, (String) null));
            return socket;
        } catch (Exception e) {
            trace.record(Observation.failed(Layer.NIO, Operation.OPEN, label, args, Failure.ofException(e)));
            return new Unopened(Layer.NIO, shape, label, trace);
        }
    }

    private static final class Listener extends ChannelSocket<ServerSocketChannel> {
        Listener(SocketShape shape, String label, Trace trace, ServerSocketChannel channel) {
            super(Layer.NIO, shape, label, trace, channel);
        }

        @Override
        public Observation listen(int backlog) {
            return trace.record(done(Operation.LISTEN, String.valueOf(backlog),
                    channel.socket().isBound() ? "listening since bind" : "unbound"));
        }

        @Override
        public Accepted accept() {
            return acceptWith(accepted -> {
                SocketChannel s = channel.accept();
                return new AcceptedBy(new Stream(shape, accepted, trace, s), s.getRemoteAddress());
            });
        }

        @Override
        public Observation state() {
            return trace.record(done(Operation.STATE, "isOpen()", "open=" + channel.isOpen()));
        }
    }

    private static final class Stream extends ChannelSocket<SocketChannel> {
        Stream(SocketShape shape, String label, Trace trace, SocketChannel channel) {
            super(Layer.NIO, shape, label, trace, channel);
        }

        @Override
        boolean connected() {
            return channel.isConnected();
        }

        @Override
        public Observation shutdown() {
            return call(Operation.SHUTDOWN, "shutdownInput(), shutdownOutput()", () -> {
                channel.shutdownInput();
                channel.shutdownOutput();
                return done(Operation.SHUTDOWN, "shutdownInput(), shutdownOutput()");
            });
        }

        @Override
        public Observation connect(InetSocketAddress remote) {
            return call(Operation.CONNECT, describe(remote), () -> {
                channel.connect(remote);
                return done(Operation.CONNECT, describe(remote));
            });
        }

        @Override
        public Observation send(InetSocketAddress to, byte[] payload) {
            return call(Operation.SEND, payload.length + " bytes", () -> {
                int n = channel.write(ByteBuffer.wrap(payload));
                return done(Operation.SEND, payload.length + " bytes", "sent=" + n);
            });
        }

        @Override
        public Observation getpeername() {
            return call(Operation.GETPEERNAME, "getRemoteAddress()", () ->
                    address(Operation.GETPEERNAME, "getRemoteAddress()", channel.getRemoteAddress(), "unconnected"));
        }

        @Override
        public Observation state() {
            return trace.record(done(Operation.STATE, "isOpen(), isConnected()",
                    "open=" + channel.isOpen() + " connected=" + channel.isConnected()));
        }
    }

    private static final class Datagram extends ChannelSocket<DatagramChannel> {
        Datagram(SocketShape shape, String label, Trace trace, DatagramChannel channel) {
            super(Layer.NIO, shape, label, trace, channel);
        }

        @Override
        public Observation connect(InetSocketAddress remote) {
            if (remote == null) {
                return call(Operation.CONNECT, "disconnect()", () -> {
                    channel.disconnect();
                    return done(Operation.CONNECT, "disconnect()");
                });
            }
            return call(Operation.CONNECT, describe(remote), () -> {
                channel.connect(remote);
                return done(Operation.CONNECT, describe(remote));
            });
        }

        @Override
        public Observation send(InetSocketAddress to, byte[] payload) {
            String args = payload.length + " bytes, " + describe(to);
            return call(Operation.SEND, args, () -> {
                int n = to == null ? channel.write(ByteBuffer.wrap(payload)) : channel.send(ByteBuffer.wrap(payload), to);
                return done(Operation.SEND, args, "sent=" + n);
            });
        }

        @Override
        public Observation getpeername() {
            return call(Operation.GETPEERNAME, "getRemoteAddress()", () ->
                    address(Operation.GETPEERNAME, "getRemoteAddress()", channel.getRemoteAddress(), "unconnected"));
        }

        @Override
        public Observation state() {
            return trace.record(done(Operation.STATE, "isOpen(), isConnected()",
                    "open=" + channel.isOpen() + " connected=" + channel.isConnected()));
        }
    }
}
