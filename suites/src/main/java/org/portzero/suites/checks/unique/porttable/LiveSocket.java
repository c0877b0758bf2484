package org.portzero.suites.checks.unique.porttable;

import org.portzero.suites.probe.Endpoint;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Transport;

/**
 * What the model knows of one open socket: its shape and options, the port it holds and how
 * it got it, and whether it listens or is connected.
 */
final class LiveSocket {

    /** How a socket came by its port; only autobinding is bound by the ephemeral range. */
    enum PortSource {
        NONE, BIND_ZERO, EXPLICIT, CONNECT, LISTEN, ACCEPTED
    }

    final int slot;
    final ProbeSocket socket;
    final SocketShape shape;
    final boolean v6only;
    final boolean reuseAddr;
    final boolean reusePort;
    final boolean listensOnBind;
    int port;
    PortSource source = PortSource.NONE;
    Endpoint kernelAddress;
    boolean listening;
    boolean connected;
    /** For an accepted socket: the listener's slot. */
    int acceptedFrom = -1;
    /** For a connected TCP client: the slot it connected to. */
    int connectedTo = -1;
    /** Connections made to this listener and not yet accepted. */
    int pending;
    /**
     * False once a call leaves the kernel's port table in a state the model does not follow (a
     * refused TCP connect, a shutdown): the socket is no longer checked.
     */
    boolean tracked = true;

    LiveSocket(int slot, ProbeSocket socket, SocketShape shape, boolean v6only, boolean reuseAddr, boolean reusePort,
               boolean listensOnBind) {
        this.slot = slot;
        this.socket = socket;
        this.shape = shape;
        this.v6only = v6only;
        this.reuseAddr = reuseAddr;
        this.reusePort = reusePort;
        this.listensOnBind = listensOnBind;
    }

    boolean tcp() {
        return shape.transport() == Transport.TCP;
    }

    String name() {
        return SocketCall.name(slot);
    }
}
