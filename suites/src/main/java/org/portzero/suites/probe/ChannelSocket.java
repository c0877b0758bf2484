package org.portzero.suites.probe;

import java.net.InetSocketAddress;
import java.nio.channels.NetworkChannel;

/** What NIO and asynchronous channels share: {@link NetworkChannel#bind}, local address, options. */
abstract class ChannelSocket<C extends NetworkChannel> extends JdkSocket {

    protected C channel;

    ChannelSocket(Layer layer, SocketShape shape, String label, Trace trace, C channel) {
        super(layer, shape, label, trace);
        this.channel = channel;
    }

    @Override
    Object jdkObject() {
        return channel;
    }

    @Override
    public Observation bind(InetSocketAddress local) {
        return call(Operation.BIND, describe(local), () -> {
            channel.bind(local);
            return address(Operation.BIND, describe(local), channel.getLocalAddress(), "unbound");
        });
    }

    @Override
    public Observation getsockname() {
        return call(Operation.GETSOCKNAME, "getLocalAddress()", () ->
                address(Operation.GETSOCKNAME, "getLocalAddress()", channel.getLocalAddress(), "unbound"));
    }

    @Override
    public Observation setsockopt(SocketOptionName option, int value) {
        return call(Operation.SETSOCKOPT, option + ", " + value, () -> {
            var standard = standardOption(option);
            if (standard == null) {
                return notInApiResult(option, value);
            }
            channel.setOption(standard, value != 0);
            return done(Operation.SETSOCKOPT, option + ", " + value);
        });
    }

    @Override
    public Observation closeSocket() {
        return call(Operation.CLOSE, "", () -> {
            channel.close();
            return done(Operation.CLOSE, "");
        });
    }

    /**
     * Whether closing this socket may leave a TIME_WAIT: only a stream that connected or was
     * accepted can. Listeners, datagram sockets and streams that never connected cannot.
     */
    boolean connected() {
        return false;
    }

    /**
     * Cleanup closes connected streams with SO_LINGER 0 (a RST), so no TIME_WAIT outlives the
     * check; an asynchronous channel has no SO_LINGER in the JDK, so it is set on its descriptor.
     * A socket that never connected is closed plainly: SO_LINGER would change nothing on it.
     */
    @Override
    void closeQuietly() {
        try {
            if (!channel.isOpen() || !connected()) {
                // Nothing to reset: a plain close leaves no TIME_WAIT.
            } else if (channel.supportedOptions().contains(java.net.StandardSocketOptions.SO_LINGER)) {
                channel.setOption(java.net.StandardSocketOptions.SO_LINGER, 0);
            } else {
                resetOnClose();
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // A plain close is as good.
        }
        try {
            channel.close();
        } catch (java.io.IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public Observation listen(int backlog) {
        return notInApi(Operation.LISTEN, String.valueOf(backlog), "only a server channel listens");
    }

    @Override
    public Accepted accept() {
        return new Accepted(notInApi(Operation.ACCEPT, "", "only a server channel accepts"), null);
    }

    @Override
    public Observation getpeername() {
        return notInApi(Operation.GETPEERNAME, "", "a server channel has no peer");
    }

    @Override
    public Observation connect(InetSocketAddress remote) {
        return notInApi(Operation.CONNECT, describe(remote), "a server channel does not connect");
    }

    @Override
    public Observation send(InetSocketAddress to, byte[] payload) {
        return notInApi(Operation.SEND, describe(to), "a server channel does not send");
    }
}
