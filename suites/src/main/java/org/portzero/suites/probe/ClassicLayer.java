package org.portzero.suites.probe;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * {@code java.net}: {@code Socket}, {@code ServerSocket} and {@code DatagramSocket}. The classic API
 * cannot choose an address family; the JDK opens an IPv6 socket whenever IPv6 is available. A
 * {@code ServerSocket} listens as part of {@code bind}, so {@code listen} records that it already does.
 */
public final class ClassicLayer implements SocketLayer {

    private static final int BACKLOG = 50;

    @Override
    public Layer layer() {
        return Layer.SOCKET;
    }

    @Override
    public ProbeSocket open(SocketShape shape, Role role, Trace trace) {
        String label = trace.nextLabel();
        if (!supports(shape.transport())) {
            return SocketLayer.unsupported(Layer.SOCKET, shape, label, "new Socket()", trace);
        }
        if (shape.transport() == Transport.UDP) {
            return opened(trace, new Datagram(shape, label, trace), "new DatagramSocket(null)");
        }
        if (role == Role.LISTENER) {
            return opened(trace, new Listener(shape, label, trace), "new ServerSocket()");
        }
        return opened(trace, new Stream(shape, label, trace), "new Socket()");
    }

    private static ProbeSocket opened(Trace trace, ClassicSocket socket, String how) {
        socket.call(Operation.OPEN, how, () -> {
            socket.create();
            trace.track(socket::closeQuietly);
            return socket.done(Operation.OPEN, how);
        });
        return socket;
    }

    private abstract static class ClassicSocket extends JdkSocket {

        ClassicSocket(SocketShape shape, String label, Trace trace) {
            super(Layer.SOCKET, shape, label, trace);
        }

        abstract void create() throws Exception;

        abstract java.io.Closeable closeable();

        /** {@code getLocalSocketAddress()}: the three classes share the method but no interface. */
        abstract java.net.SocketAddress localAddress();

        /** {@code setOption(...)}, likewise. */
        abstract <T> void applyOption(java.net.SocketOption<T> option, T value) throws java.io.IOException;

        @Override
        public Observation getsockname() {
            return call(Operation.GETSOCKNAME, "getLocalSocketAddress()", () ->
                    address(Operation.GETSOCKNAME, "getLocalSocketAddress()", localAddress(), "unbound"));
        }

        @Override
        public Observation setsockopt(SocketOptionName option, int value) {
            return call(Operation.SETSOCKOPT, option + ", " + value, () -> {
                var standard = standardOption(option);
                if (standard == null) {
                    return notInApiResult(option, value);
                }
                applyOption(standard, value != 0);
                return done(Operation.SETSOCKOPT, option + ", " + value);
            });
        }

        @Override
        Object jdkObject() {
            return closeable();
        }

        @Override
        public Observation send(InetSocketAddress to, byte[] payload) {
            return notInApi(Operation.SEND, describe(to), "use the stream of a connected Socket");
        }

        @Override
        public Accepted accept() {
            return new Accepted(notInApi(Operation.ACCEPT, "", "only a ServerSocket accepts"), null);
        }

        @Override
        public Observation listen(int backlog) {
            return notInApi(Operation.LISTEN, String.valueOf(backlog), "only a ServerSocket listens");
        }

        @Override
        public Observation closeSocket() {
            return call(Operation.CLOSE, "", () -> {
                closeable().close();
                return done(Operation.CLOSE, "");
            });
        }

        @Override
        void closeQuietly() {
            try {
                if (closeable() instanceof Socket s && !s.isClosed() && s.isConnected()) {
                    s.setSoLinger(true, 0); // a RST: cleanup leaves no TIME_WAIT behind (only a connection can)
                }
            } catch (java.io.IOException ignored) {
                // A plain close is as good.
            }
            try {
                java.io.Closeable c = closeable();
                if (c != null) {
                    c.close();
                }
            } catch (java.io.IOException ignored) {
                // Already closed or never opened.
            }
        }
    }

    private static final class Stream extends ClassicSocket {
        private Socket socket;

        Stream(SocketShape shape, String label, Trace trace) {
            super(shape, label, trace);
        }

        @Override
        void create() {
            socket = new Socket();
        }

        @Override
        java.io.Closeable closeable() {
            return socket;
        }

        @Override
        public Observation bind(InetSocketAddress local) {
            return call(Operation.BIND, describe(local), () -> {
                socket.bind(local);
                return address(Operation.BIND, describe(local), socket.getLocalSocketAddress(), "unbound");
            });
        }

        @Override
        public Observation connect(InetSocketAddress remote) {
            return call(Operation.CONNECT, describe(remote), () -> {
                socket.connect(remote, TIMEOUT_MILLIS);
                return done(Operation.CONNECT, describe(remote));
            });
        }

        @Override
        public Observation send(InetSocketAddress to, byte[] payload) {
            return call(Operation.SEND, payload.length + " bytes", () -> {
                socket.getOutputStream().write(payload);
                return done(Operation.SEND, payload.length + " bytes", "sent=" + payload.length);
            });
        }

        @Override
        java.net.SocketAddress localAddress() {
            return socket.getLocalSocketAddress();
        }

        @Override
        <T> void applyOption(java.net.SocketOption<T> option, T value) throws java.io.IOException {
            socket.setOption(option, value);
        }

        @Override
        public Observation getpeername() {
            return call(Operation.GETPEERNAME, "getRemoteSocketAddress()", () ->
                    address(Operation.GETPEERNAME, "getRemoteSocketAddress()", socket.getRemoteSocketAddress(), "unconnected"));
        }

        @Override
        public Observation shutdown() {
            return call(Operation.SHUTDOWN, "shutdownInput(), shutdownOutput()", () -> {
                socket.shutdownInput();
                socket.shutdownOutput();
                return done(Operation.SHUTDOWN, "shutdownInput(), shutdownOutput()");
            });
        }

        @Override
        public Observation state() {
            return trace.record(done(Operation.STATE, "isClosed(), isBound(), isConnected()",
                    "open=" + !socket.isClosed() + " bound=" + socket.isBound() + " connected=" + socket.isConnected()));
        }
    }

    private static final class Listener extends ClassicSocket {
        private ServerSocket socket;

        Listener(SocketShape shape, String label, Trace trace) {
            super(shape, label, trace);
        }

        @Override
        void create() throws java.io.IOException {
            socket = new ServerSocket();
        }

        @Override
        java.io.Closeable closeable() {
            return socket;
        }

        @Override
        public Observation bind(InetSocketAddress local) {
            String args = describe(local) + ", backlog " + BACKLOG;
            return call(Operation.BIND, args, () -> {
                socket.bind(local, BACKLOG);
                socket.setSoTimeout(TIMEOUT_MILLIS);
                return address(Operation.BIND, args, socket.getLocalSocketAddress(), "unbound");
            });
        }

        @Override
        public Observation listen(int backlog) {
            return trace.record(done(Operation.LISTEN, String.valueOf(backlog),
                    socket.isBound() ? "listening since bind" : "unbound"));
        }

        @Override
        public Accepted accept() {
            return acceptWith(accepted -> {
                Stream stream = new Stream(shape, accepted, trace);
                stream.socket = socket.accept();
                return new AcceptedBy(stream, stream.socket.getRemoteSocketAddress());
            });
        }

        @Override
        public Observation connect(InetSocketAddress remote) {
            return notInApi(Operation.CONNECT, describe(remote), "a ServerSocket does not connect");
        }

        @Override
        java.net.SocketAddress localAddress() {
            return socket.getLocalSocketAddress();
        }

        @Override
        <T> void applyOption(java.net.SocketOption<T> option, T value) throws java.io.IOException {
            socket.setOption(option, value);
        }

        @Override
        public Observation getpeername() {
            return notInApi(Operation.GETPEERNAME, "", "a ServerSocket has no peer");
        }

        @Override
        public Observation state() {
            return trace.record(done(Operation.STATE, "isClosed(), isBound()",
                    "open=" + !socket.isClosed() + " bound=" + socket.isBound()));
        }
    }

    private static final class Datagram extends ClassicSocket {
        private DatagramSocket socket;

        Datagram(SocketShape shape, String label, Trace trace) {
            super(shape, label, trace);
        }

        @Override
        void create() throws java.io.IOException {
            socket = new DatagramSocket(null);
        }

        @Override
        java.io.Closeable closeable() {
            return socket;
        }

        @Override
        public Observation bind(InetSocketAddress local) {
            return call(Operation.BIND, describe(local), () -> {
                socket.bind(local);
                return address(Operation.BIND, describe(local), socket.getLocalSocketAddress(), "unbound");
            });
        }

        @Override
        public Observation connect(InetSocketAddress remote) {
            if (remote == null) {
                return call(Operation.CONNECT, "disconnect()", () -> {
                    socket.disconnect();
                    return done(Operation.CONNECT, "disconnect()");
                });
            }
            return call(Operation.CONNECT, describe(remote), () -> {
                socket.connect(remote);
                return done(Operation.CONNECT, describe(remote));
            });
        }

        @Override
        public Observation send(InetSocketAddress to, byte[] payload) {
            String args = payload.length + " bytes, " + describe(to);
            return call(Operation.SEND, args, () -> {
                DatagramPacket packet = to == null
                        ? new DatagramPacket(payload, payload.length)
                        : new DatagramPacket(payload, payload.length, to);
                socket.send(packet);
                return done(Operation.SEND, args, "sent=" + payload.length);
            });
        }

        @Override
        java.net.SocketAddress localAddress() {
            return socket.getLocalSocketAddress();
        }

        @Override
        <T> void applyOption(java.net.SocketOption<T> option, T value) throws java.io.IOException {
            socket.setOption(option, value);
        }

        @Override
        public Observation getpeername() {
            return call(Operation.GETPEERNAME, "getRemoteSocketAddress()", () ->
                    address(Operation.GETPEERNAME, "getRemoteSocketAddress()", socket.getRemoteSocketAddress(), "unconnected"));
        }

        @Override
        public Observation state() {
            return trace.record(done(Operation.STATE, "isClosed(), isBound(), isConnected()",
                    "open=" + !socket.isClosed() + " bound=" + socket.isBound() + " connected=" + socket.isConnected()));
        }
    }
}
