package org.portzero.suites.checks.unique.porttable;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.Role;
import org.portzero.suites.probe.SocketOptionName;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.probe.Transport;

/**
 * Performs a call sequence through one layer, updating the {@link PortTable} model and checking
 * it after every step. Records every call it makes in the trace it is given, which also closes
 * the sockets. A generated close of a TCP socket is abortive (SO_LINGER 0), so it leaves no TIME_WAIT.
 */
final class SequenceRun {

    private final Bench bench;
    private final Layer layer;
    private final Trace trace;
    private final PortTable table;
    private final LiveSocket[] slots = new LiveSocket[SocketCall.ALL_SLOTS];
    private final List<String> recipe = new ArrayList<>();

    SequenceRun(Bench bench, Layer layer, Trace trace) {
        this.bench = bench;
        this.layer = layer;
        this.trace = trace;
        this.table = new PortTable(bench.facts());
    }

    /** The first broken claim, with the steps that led to it, or empty when the model held throughout. */
    Optional<String> run(List<SocketCall> calls) {
        for (SocketCall call : calls) {
            String outcome = perform(call);
            if (outcome == null) {
                continue;
            }
            recipe.add((recipe.size() + 1) + ". " + call + "  -> " + outcome);
            List<String> broken = checkModel();
            if (!broken.isEmpty()) {
                return Optional.of(String.join("; ", broken) + "\n  after:\n    " + String.join("\n    ", recipe));
            }
        }
        return Optional.empty();
    }

    /** Performs one call; null when it is skipped (its slot or target is not there). */
    private String perform(SocketCall call) {
        if (call instanceof SocketCall.Open o) {
            return open(o);
        }
        if (call instanceof SocketCall.BindZero b) {
            LiveSocket s = live(b.slot());
            return s == null ? null : bound(s, s.socket.bind(new InetSocketAddress(b.address().of(s.shape.family()), 0)),
                    LiveSocket.PortSource.BIND_ZERO);
        }
        if (call instanceof SocketCall.BindToPortOf b) {
            return bindTo(b);
        }
        if (call instanceof SocketCall.Listen l) {
            return listen(l);
        }
        if (call instanceof SocketCall.Connect c) {
            return connect(c);
        }
        if (call instanceof SocketCall.Accept a) {
            return accept(a);
        }
        if (call instanceof SocketCall.Shutdown sd) {
            LiveSocket x = live(sd.slot());
            if (x == null) {
                return null;
            }
            x.tracked = false; // shutdown may unhash the port (tcp_disconnect, __udp_disconnect)
            releaseClientsOf(x);
            return x.socket.shutdown().outcome();
        }
        SocketCall.Close c = (SocketCall.Close) call;
        LiveSocket x = live(c.slot());
        if (x == null) {
            return null;
        }
        slots[c.slot()] = null;
        releaseClientsOf(x);
        // A TCP close resets (SO_LINGER 0): the port is free at once, as the model has it, and no
        // TIME_WAIT is left to take a port from the checks after this one.
        x.socket.resetOnClose();
        return x.socket.closeSocket().outcome();
    }

    /**
     * A listener that shuts down or closes resets the connections still queued on it; a client
     * reset that way gives up its connect()-autobound port and may even bind again, so the model
     * stops following the clients that connected to it.
     */
    private void releaseClientsOf(LiveSocket listener) {
        if (!listener.listening) {
            return;
        }
        for (LiveSocket s : slots) {
            if (s != null && s.connectedTo == listener.slot) {
                s.tracked = false;
            }
        }
    }

    private LiveSocket live(int slot) {
        return slot < slots.length ? slots[slot] : null;
    }

    private String open(SocketCall.Open o) {
        if (slots[o.slot()] != null) {
            return null;
        }
        ProbeSocket socket = bench.layer(layer).open(o.shape(), o.role(), trace);
        Observation opened = socket.state();
        if (opened.detail() == null || !opened.detail().contains("open=true")) {
            return "open failed";
        }
        if (o.reuseAddr()) {
            socket.setsockopt(SocketOptionName.SO_REUSEADDR, 1);
        }
        if (o.reusePort()) {
            socket.setsockopt(SocketOptionName.SO_REUSEPORT, 1);
        }
        boolean jdkListener = layer.isJdk() && o.shape().transport() == Transport.TCP && o.role() == Role.LISTENER;
        boolean v6only = layer == Layer.LIBC && o.shape().family() == AddressFamily.IPV6;
        // The JDK opens every server socket with SO_REUSEADDR (Net.serverSocket), whatever was asked.
        slots[o.slot()] = new LiveSocket(o.slot(), socket, o.shape(), v6only, o.reuseAddr() || jdkListener,
                o.reusePort(), jdkListener);
        return "ok";
    }

    private String bound(LiveSocket s, Observation bind, LiveSocket.PortSource source) {
        if (bind.succeeded() && s.port == 0) {
            s.source = source;
            if (s.listensOnBind) {
                s.listening = true;
            }
        }
        return bind.outcome();
    }

    private String bindTo(SocketCall.BindToPortOf b) {
        LiveSocket s = live(b.slot());
        LiveSocket other = live(b.other());
        if (s == null || other == null || other == s || other.port == 0) {
            return null;
        }
        InetSocketAddress to = new InetSocketAddress(b.address().of(s.shape.family()), other.port);
        return bound(s, s.socket.bind(to), LiveSocket.PortSource.EXPLICIT);
    }

    private String listen(SocketCall.Listen l) {
        LiveSocket s = live(l.slot());
        if (s == null) {
            return null;
        }
        Observation o = s.socket.listen(16);
        if (o.succeeded() && s.tcp() && !s.listensOnBind) {
            s.listening = true;
            if (s.port == 0) {
                s.source = LiveSocket.PortSource.LISTEN;
            }
        }
        return o.outcome();
    }

    private String connect(SocketCall.Connect c) {
        LiveSocket s = live(c.slot());
        LiveSocket target = live(c.target());
        if (s == null || target == null || target.port == 0 || s.listening) {
            return null;
        }
        InetSocketAddress to = new InetSocketAddress(s.shape.family().loopback(), target.port);
        Observation o = s.socket.connect(to);
        if (!o.succeeded()) {
            s.tracked = false; // a refused TCP connect unhashes an autobound port; the JDK closes the socket
            return o.outcome();
        }
        s.connected = true;
        s.connectedTo = target.slot;
        if (s.port == 0) {
            s.source = LiveSocket.PortSource.CONNECT;
        }
        if (s.tcp() && target.listening && target.tracked && soleListenerOn(target)) {
            target.pending++;
        }
        return o.outcome();
    }

    private boolean soleListenerOn(LiveSocket listener) {
        for (LiveSocket x : slots) {
            if (x != null && x != listener && x.listening && x.port == listener.port && x.tcp()) {
                return false;
            }
        }
        return true;
    }

    private String accept(SocketCall.Accept a) {
        LiveSocket listener = live(a.slot());
        if (listener == null || listener.pending == 0) {
            return null;
        }
        int free = -1;
        for (int i = SocketCall.SLOTS; i < slots.length; i++) {
            if (slots[i] == null) {
                free = i;
                break;
            }
        }
        if (free < 0) {
            return null;
        }
        listener.pending--;
        ProbeSocket.Accepted accepted = listener.socket.accept();
        if (accepted.socket() != null) {
            LiveSocket child = new LiveSocket(free, accepted.socket(), listener.shape, listener.v6only,
                    listener.reuseAddr, listener.reusePort, false);
            child.acceptedFrom = listener.slot;
            child.connected = true;
            child.source = LiveSocket.PortSource.ACCEPTED;
            slots[free] = child;
        }
        return accepted.observation().outcome() + (accepted.socket() == null ? "" : " as " + SocketCall.name(free));
    }

    private List<String> checkModel() {
        List<LiveSocket> live = new ArrayList<>();
        List<Observation> api = new ArrayList<>();
        List<Observation> kernel = new ArrayList<>();
        for (LiveSocket s : slots) {
            if (s != null && s.tracked) {
                live.add(s);
                Observation name = s.socket.getsockname();
                api.add(name);
                kernel.add(layer == Layer.LIBC ? name : s.socket.kernelSockname());
            }
        }
        return table.check(live, api, kernel);
    }
}
