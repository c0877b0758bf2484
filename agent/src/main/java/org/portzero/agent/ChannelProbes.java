package org.portzero.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketOption;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * {@code java.nio.channels}, blocking and asynchronous, as the runner's {@code ChannelLayer} and
 * {@code AsyncLayer} drive them. NIO chooses the family at open ({@code open(INET)},
 * {@code open(INET6)}, {@code open()} for dual-stack); asynchronous channels are TCP only and
 * always the JDK's default family.
 */
final class ChannelProbes {

    private ChannelProbes() {
    }

    /** NIO: family is {@code 4}, {@code 6} or {@code 46}. */
    static JdkProbe.Opened openNio(String family, final boolean udp, final boolean listener) {
        final ProtocolFamily pf = family.equals("4") ? StandardProtocolFamily.INET
                : family.equals("6") ? StandardProtocolFamily.INET6 : null;
        String kind = udp ? "DatagramChannel" : listener ? "ServerSocketChannel" : "SocketChannel";
        String args = kind + ".open(" + (pf == null ? "" : pf.toString()) + ")";
        try {
            ChannelProbe<?> socket;
            if (udp) {
                socket = new NioDatagram(pf == null ? DatagramChannel.open() : DatagramChannel.open(pf));
            } else if (listener) {
                socket = new NioListener(pf == null ? ServerSocketChannel.open()
                        : (ServerSocketChannel) Api.open(ServerSocketChannel.class, pf));
            } else {
                socket = new NioStream(pf == null ? SocketChannel.open() : (SocketChannel) Api.open(SocketChannel.class, pf));
            }
            return new JdkProbe.Opened(Result.done(args, null), socket);
        } catch (Exception e) {
            return new JdkProbe.Opened(Result.failed(args, e), null);
        }
    }

    static JdkProbe.Opened openAsync(boolean listener) {
        String args = (listener ? "AsynchronousServerSocketChannel" : "AsynchronousSocketChannel") + ".open()";
        try {
            ChannelProbe<?> socket = listener ? new AsyncListener(AsynchronousServerSocketChannel.open())
                    : new AsyncStream(AsynchronousSocketChannel.open());
            return new JdkProbe.Opened(Result.done(args, null), socket);
        } catch (Exception e) {
            return new JdkProbe.Opened(Result.failed(args, e), null);
        }
    }

    /** What NIO and asynchronous channels share: {@link NetworkChannel#bind}, local address, options. */
    abstract static class ChannelProbe<C extends NetworkChannel> extends JdkProbe {
        final C channel;

        ChannelProbe(boolean tcp, C channel) {
            super(tcp);
            this.channel = channel;
        }

        @Override
        Object jdkObject() {
            return channel;
        }

        @Override
        Result bind(final InetSocketAddress local, final String described) {
            return call(described, new Call() {
                @Override
                public Result run() throws Exception {
                    channel.bind(local);
                    return address(described, channel.getLocalAddress(), "unbound");
                }
            });
        }

        @Override
        Result getsockname() {
            return call("getLocalAddress()", new Call() {
                @Override
                public Result run() throws Exception {
                    return address("getLocalAddress()", channel.getLocalAddress(), "unbound");
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
                    channel.setOption(standard, value != 0);
                    return Result.done(args, null);
                }
            });
        }

        @Override
        Result close() {
            return call("", new Call() {
                @Override
                public Result run() throws Exception {
                    channel.close();
                    return Result.done("", null);
                }
            });
        }

        /** Streams close with SO_LINGER 0 (a RST); an asynchronous channel has none, so it is set on its descriptor. */
        @Override
        void release() {
            try {
                if (channel.isOpen() && channel.supportedOptions().contains(StandardSocketOptions.SO_LINGER)) {
                    channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                } else if (channel.isOpen()) {
                    resetOnClose();
                }
            } catch (IOException ignored) {
                // A plain close is as good.
            } catch (RuntimeException ignored) {
                // Likewise.
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }

        @Override
        Result listen(int backlog) {
            return notInApi(String.valueOf(backlog), "only a server channel listens");
        }

        @Override
        Accepted accept() {
            return new Accepted(notInApi("", "only a server channel accepts"), null);
        }

        @Override
        Result getpeername() {
            return notInApi("", "a server channel has no peer");
        }

        @Override
        Result connect(InetSocketAddress remote, String described) {
            return notInApi(described, "a server channel does not connect");
        }

        @Override
        Result send(InetSocketAddress to, String described, byte[] payload) {
            return notInApi(described, "a server channel does not send");
        }
    }

    static final class NioListener extends ChannelProbe<ServerSocketChannel> {
        NioListener(ServerSocketChannel channel) {
            super(true, channel);
        }

        @Override
        Result listen(int backlog) {
            return Result.done(String.valueOf(backlog), channel.socket().isBound() ? "listening since bind" : "unbound");
        }

        @Override
        Accepted accept() {
            return acceptWith(new Acceptor() {
                @Override
                public Accepted accept() throws Exception {
                    SocketChannel s = channel.accept();
                    return new Accepted(Result.address("", (InetSocketAddress) s.getRemoteAddress()), new NioStream(s));
                }
            });
        }

        @Override
        Result state() {
            return Result.done("isOpen()", "open=" + channel.isOpen());
        }
    }

    static final class NioStream extends ChannelProbe<SocketChannel> {
        NioStream(SocketChannel channel) {
            super(true, channel);
        }

        @Override
        Result shutdown() {
            final String args = "shutdownInput(), shutdownOutput()";
            return call(args, new Call() {
                @Override
                public Result run() throws Exception {
                    channel.shutdownInput();
                    channel.shutdownOutput();
                    return Result.done(args, null);
                }
            });
        }

        @Override
        Result connect(final InetSocketAddress remote, final String described) {
            return call(described, new Call() {
                @Override
                public Result run() throws Exception {
                    channel.connect(remote);
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
                    int n = channel.write(ByteBuffer.wrap(payload));
                    return Result.done(args, "sent=" + n);
                }
            });
        }

        @Override
        Result getpeername() {
            return call("getRemoteAddress()", new Call() {
                @Override
                public Result run() throws Exception {
                    return address("getRemoteAddress()", channel.getRemoteAddress(), "unconnected");
                }
            });
        }

        @Override
        Result state() {
            return Result.done("isOpen(), isConnected()", "open=" + channel.isOpen() + " connected=" + channel.isConnected());
        }
    }

    static final class NioDatagram extends ChannelProbe<DatagramChannel> {
        NioDatagram(DatagramChannel channel) {
            super(false, channel);
        }

        @Override
        Result shutdown() {
            return notInApi("", "only a connected stream socket shuts down");
        }

        @Override
        Result connect(final InetSocketAddress remote, final String described) {
            if (remote == null) {
                return call("disconnect()", new Call() {
                    @Override
                    public Result run() throws Exception {
                        channel.disconnect();
                        return Result.done("disconnect()", null);
                    }
                });
            }
            return call(described, new Call() {
                @Override
                public Result run() throws Exception {
                    channel.connect(remote);
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
                    int n = to == null ? channel.write(ByteBuffer.wrap(payload)) : channel.send(ByteBuffer.wrap(payload), to);
                    return Result.done(args, "sent=" + n);
                }
            });
        }

        @Override
        Result getpeername() {
            return call("getRemoteAddress()", new Call() {
                @Override
                public Result run() throws Exception {
                    return address("getRemoteAddress()", channel.getRemoteAddress(), "unconnected");
                }
            });
        }

        @Override
        Result state() {
            return Result.done("isOpen(), isConnected()", "open=" + channel.isOpen() + " connected=" + channel.isConnected());
        }
    }

    static final class AsyncListener extends ChannelProbe<AsynchronousServerSocketChannel> {
        AsyncListener(AsynchronousServerSocketChannel channel) {
            super(true, channel);
        }

        @Override
        Result listen(int backlog) {
            return Result.done(String.valueOf(backlog), "listening since bind");
        }

        @Override
        Accepted accept() {
            return acceptWith(new Acceptor() {
                @Override
                public Accepted accept() throws Exception {
                    AsynchronousSocketChannel s = channel.accept().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                    return new Accepted(Result.address("", (InetSocketAddress) s.getRemoteAddress()), new AsyncStream(s));
                }
            });
        }

        @Override
        Result state() {
            return Result.done("isOpen()", "open=" + channel.isOpen());
        }
    }

    static final class AsyncStream extends ChannelProbe<AsynchronousSocketChannel> {
        AsyncStream(AsynchronousSocketChannel channel) {
            super(true, channel);
        }

        @Override
        Result shutdown() {
            final String args = "shutdownInput(), shutdownOutput()";
            return call(args, new Call() {
                @Override
                public Result run() throws Exception {
                    channel.shutdownInput();
                    channel.shutdownOutput();
                    return Result.done(args, null);
                }
            });
        }

        @Override
        Result connect(final InetSocketAddress remote, final String described) {
            return call(described, new Call() {
                @Override
                public Result run() throws Exception {
                    channel.connect(remote).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
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
                    int n = channel.write(ByteBuffer.wrap(payload)).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                    return Result.done(args, "sent=" + n);
                }
            });
        }

        @Override
        Result getpeername() {
            return call("getRemoteAddress()", new Call() {
                @Override
                public Result run() throws Exception {
                    return address("getRemoteAddress()", channel.getRemoteAddress(), "unconnected");
                }
            });
        }

        @Override
        Result state() {
            boolean open = channel.isOpen();
            String connected;
            try {
                connected = String.valueOf(open && channel.getRemoteAddress() != null);
            } catch (IOException e) {
                connected = "false";
            }
            return Result.done("isOpen(), getRemoteAddress()", "open=" + open + " connected=" + connected);
        }
    }
}
