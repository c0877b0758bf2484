package org.portzero.agent;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketOption;

/**
 * {@code java.net}: {@code Socket}, {@code ServerSocket} and {@code DatagramSocket}, as the
 * runner's {@code ClassicLayer} drives them. A {@code ServerSocket} listens as part of bind.
 */
final class ClassicProbes {

    private static final int BACKLOG = 50;

    private ClassicProbes() {
    }

    /** Opens the socket: {@code new Socket()}, {@code new ServerSocket()} or {@code new DatagramSocket(null)}. */
    static JdkProbe.Opened open(boolean udp, boolean listener) {
        final ClassicProbe probe = udp ? new Datagram() : listener ? new Listener() : new Stream();
        final String how = udp ? "new DatagramSocket(null)" : listener ? "new ServerSocket()" : "new Socket()";
        Result r = JdkProbe.call(how, new JdkProbe.Call() {
            @Override
            public Result run() throws Exception {
                probe.create();
                return Result.done(how, null);
            }
        });
        // As in-process: the socket stands even when its constructor threw, and later calls record what they meet.
        return new JdkProbe.Opened(r, probe);
    }


    abstract static class ClassicProbe extends JdkProbe {

        ClassicProbe(boolean tcp) {
            super(tcp);
        }

        abstract void create() throws Exception;

        abstract Closeable closeable();

        abstract SocketAddress localAddress();

        @Override
        Object jdkObject() {
            return closeable();
        }

        @Override
        Result getsockname() {
            return call("getLocalSocketAddress()", new Call() {
                @Override
                public Result run() {
                    return address("getLocalSocketAddress()", localAddress(), "unbound");
                }
            });
        }

        @Override
        Result setsockopt(final String option, final int value) {
            final String args = option + ", " + value;
            return call(args, new Call() {
                @Override
                public Result run() throws Exception {
                    SocketOption<Boolean> standard = standardOption(option);
                    if (standard == null) {
                        return notExposed(option, value);
                    }
                    Api.setOption(closeable(), standard, value != 0);
                    return Result.done(args, null);
                }
            });
        }

        @Override
        Result send(InetSocketAddress to, String described, byte[] payload) {
            return notInApi(described, "use the stream of a connected Socket");
        }

        @Override
        Result connect(InetSocketAddress remote, String described) {
            return notInApi(described, "a ServerSocket does not connect");
        }

        @Override
        Result close() {
            return call("", new Call() {
                @Override
                public Result run() throws Exception {
                    closeable().close();
                    return Result.done("", null);
                }
            });
        }

        @Override
        void release() {
            try {
                if (closeable() instanceof Socket && !((Socket) closeable()).isClosed()) {
                    ((Socket) closeable()).setSoLinger(true, 0); // a RST: cleanup leaves no TIME_WAIT behind
                }
            } catch (IOException ignored) {
                // A plain close is as good.
            }
            try {
                Closeable c = closeable();
                if (c != null) {
                    c.close();
                }
            } catch (IOException ignored) {
                // Already closed or never opened.
            }
        }
    }

    static final class Stream extends ClassicProbe {
        Socket socket;

        Stream() {
            super(true);
        }

        @Override
        void create() {
            socket = new Socket();
        }

        @Override
        Closeable closeable() {
            return socket;
        }

        @Override
        SocketAddress localAddress() {
            return socket.getLocalSocketAddress();
        }

        @Override
        Result bind(final InetSocketAddress local, final String described) {
            return call(described, new Call() {
                @Override
                public Result run() throws Exception {
                    socket.bind(local);
                    return address(described, socket.getLocalSocketAddress(), "unbound");
                }
            });
        }

        @Override
        Result connect(final InetSocketAddress remote, final String described) {
            return call(described, new Call() {
                @Override
                public Result run() throws Exception {
                    socket.connect(remote, TIMEOUT_MILLIS);
                    return Result.done(described, null);
                }
            });
        }

        @Override
        Result send(InetSocketAddress to, String described, final byte[] payload) {
            final String args = payload.length + " bytes";
            return call(args, new Call() {
                @Override
                public Result run() throws Exception {
                    socket.getOutputStream().write(payload);
                    return Result.done(args, "sent=" + payload.length);
                }
            });
        }

        @Override
        Result getpeername() {
            return call("getRemoteSocketAddress()", new Call() {
                @Override
                public Result run() {
                    return address("getRemoteSocketAddress()", socket.getRemoteSocketAddress(), "unconnected");
                }
            });
        }

        @Override
        Result shutdown() {
            final String args = "shutdownInput(), shutdownOutput()";
            return call(args, new Call() {
                @Override
                public Result run() throws Exception {
                    socket.shutdownInput();
                    socket.shutdownOutput();
                    return Result.done(args, null);
                }
            });
        }

        @Override
        Result state() {
            return Result.done("isClosed(), isBound(), isConnected()",
                    "open=" + !socket.isClosed() + " bound=" + socket.isBound() + " connected=" + socket.isConnected());
        }
    }

    static final class Listener extends ClassicProbe {
        ServerSocket socket;

        Listener() {
            super(true);
        }

        @Override
        void create() throws IOException {
            socket = new ServerSocket();
        }

        @Override
        Closeable closeable() {
            return socket;
        }

        @Override
        SocketAddress localAddress() {
            return socket.getLocalSocketAddress();
        }

        @Override
        Result bind(final InetSocketAddress local, String described) {
            final String args = described + ", backlog " + BACKLOG;
            return call(args, new Call() {
                @Override
                public Result run() throws Exception {
                    socket.bind(local, BACKLOG);
                    socket.setSoTimeout(TIMEOUT_MILLIS);
                    return address(args, socket.getLocalSocketAddress(), "unbound");
                }
            });
        }

        @Override
        Result listen(int backlog) {
            return Result.done(String.valueOf(backlog), socket.isBound() ? "listening since bind" : "unbound");
        }

        @Override
        Accepted accept() {
            return acceptWith(new Acceptor() {
                @Override
                public Accepted accept() throws Exception {
                    Stream stream = new Stream();
                    stream.socket = socket.accept();
                    return new Accepted(Result.address("", (InetSocketAddress) stream.socket.getRemoteSocketAddress()), stream);
                }
            });
        }

        @Override
        Result getpeername() {
            return notInApi("", "a ServerSocket has no peer");
        }

        @Override
        Result state() {
            return Result.done("isClosed(), isBound()", "open=" + !socket.isClosed() + " bound=" + socket.isBound());
        }
    }

    static final class Datagram extends ClassicProbe {
        DatagramSocket socket;

        Datagram() {
            super(false);
        }

        @Override
        void create() throws IOException {
            socket = new DatagramSocket(null);
        }

        @Override
        Closeable closeable() {
            return socket;
        }

        @Override
        SocketAddress localAddress() {
            return socket.getLocalSocketAddress();
        }

        @Override
        Result bind(final InetSocketAddress local, final String described) {
            return call(described, new Call() {
                @Override
                public Result run() throws Exception {
                    socket.bind(local);
                    return address(described, socket.getLocalSocketAddress(), "unbound");
                }
            });
        }

        @Override
        Result connect(final InetSocketAddress remote, final String described) {
            if (remote == null) {
                return call("disconnect()", new Call() {
                    @Override
                    public Result run() {
                        socket.disconnect();
                        return Result.done("disconnect()", null);
                    }
                });
            }
            return call(described, new Call() {
                @Override
                public Result run() throws Exception {
                    socket.connect(remote);
                    return Result.done(described, null);
                }
            });
        }

        @Override
        Result send(final InetSocketAddress to, String described, final byte[] payload) {
            final String args = payload.length + " bytes, " + described;
            return call(args, new Call() {
                @Override
                public Result run() throws Exception {
                    DatagramPacket packet = to == null
                            ? new DatagramPacket(payload, payload.length)
                            : new DatagramPacket(payload, payload.length, to);
                    socket.send(packet);
                    return Result.done(args, "sent=" + payload.length);
                }
            });
        }

        @Override
        Result getpeername() {
            return call("getRemoteSocketAddress()", new Call() {
                @Override
                public Result run() {
                    return address("getRemoteSocketAddress()", socket.getRemoteSocketAddress(), "unconnected");
                }
            });
        }

        @Override
        Result state() {
            return Result.done("isClosed(), isBound(), isConnected()",
                    "open=" + !socket.isClosed() + " bound=" + socket.isBound() + " connected=" + socket.isConnected());
        }
    }
}
