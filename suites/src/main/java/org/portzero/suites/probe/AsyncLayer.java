package org.portzero.suites.probe;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * Asynchronous channels: TCP only (the JDK has no asynchronous datagram channel), always the
 * JDK's default (dual-stack when IPv6 is available) family. Futures are awaited with a bound.
 */
public final class AsyncLayer implements SocketLayer {

    @Override
    public Layer layer() {
        return Layer.ASYNC;
    }

    @Override
    public ProbeSocket open(SocketShape shape, Role role, Trace trace) {
        String label = trace.nextLabel();
        String args = (role == Role.LISTENER ? "AsynchronousServerSocketChannel" : "AsynchronousSocketChannel") + ".open()";
        if (!supports(shape.transport())) {
            return SocketLayer.unsupported(Layer.ASYNC, shape, label, args, trace);
        }
        try {
            ChannelSocket<?> socket = role == Role.LISTENER
                    ? new Listener(shape, label, trace, AsynchronousServerSocketChannel.open())
                    : new Stream(shape, label, trace, AsynchronousSocketChannel.open());
            trace.track(socket::closeQuietly);
            trace.record(Observation.ok(Layer.ASYNC, Operation.OPEN, label, args, (String) null));
            return socket;
        } catch (Exception e) {
            trace.record(Observation.failed(Layer.ASYNC, Operation.OPEN, label, args, Failure.ofException(e)));
            return new Unopened(Layer.ASYNC, shape, label, trace);
        }
    }

    private static final class Listener extends ChannelSocket<AsynchronousServerSocketChannel> {
        Listener(SocketShape shape, String label, Trace trace, AsynchronousServerSocketChannel channel) {
            super(Layer.ASYNC, shape, label, trace, channel);
        }

        @Override
        public Observation listen(int backlog) {
            return trace.record(done(Operation.LISTEN, String.valueOf(backlog), "listening since bind"));
        }

        @Override
        public Accepted accept() {
            return acceptWith(accepted -> {
                AsynchronousSocketChannel s = channel.accept().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                return new AcceptedBy(new Stream(shape, accepted, trace, s), s.getRemoteAddress());
            });
        }

        @Override
        public Observation state() {
            return trace.record(done(Operation.STATE, "isOpen()", "open=" + channel.isOpen()));
        }
    }

    private static final class Stream extends ChannelSocket<AsynchronousSocketChannel> {
        Stream(SocketShape shape, String label, Trace trace, AsynchronousSocketChannel channel) {
            super(Layer.ASYNC, shape, label, trace, channel);
        }

        @Override
        boolean connected() {
            try {
                return channel.getRemoteAddress() != null;
            } catch (java.io.IOException e) {
                return false; // closed: nothing left to reset
            }
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
                channel.connect(remote).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                return done(Operation.CONNECT, describe(remote));
            });
        }

        @Override
        public Observation send(InetSocketAddress to, byte[] payload) {
            return call(Operation.SEND, payload.length + " bytes", () -> {
                int n = channel.write(ByteBuffer.wrap(payload)).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
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
            boolean open = channel.isOpen();
            String connected;
            try {
                connected = String.valueOf(open && channel.getRemoteAddress() != null);
            } catch (java.io.IOException e) {
                connected = "false";
            }
            return trace.record(done(Operation.STATE, "isOpen(), getRemoteAddress()",
                    "open=" + open + " connected=" + connected));
        }
    }
}
