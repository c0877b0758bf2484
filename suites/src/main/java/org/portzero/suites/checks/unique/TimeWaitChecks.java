package org.portzero.suites.checks.unique;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.portzero.model.CheckId;
import org.portzero.model.EphemeralRange;
import org.portzero.model.NetworkStack;
import org.portzero.model.Family;
import org.portzero.model.SpecLink;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.Role;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.SocketTables;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.Judgement;
import org.portzero.suites.verdict.PreconditionUnmet;
import org.portzero.suites.verdict.SetupFailed;

/**
 * Claim: the side that closes a TCP connection first keeps its port in TIME_WAIT, and while it
 * does, bind() to that exact address and port without SO_REUSEADDR fails with EADDRINUSE
 * (the JDK: BindException).
 *
 * <p>Spec: bind(2), tcp(7); docs/CATALOGUE.md B28; kselftest {@code bind_timewait.c}.
 *
 * <p>Assumes: loopback; the TIME_WAIT entry shows in {@code /proc/net/tcp} within
 * {@link #SETTLE_MILLIS} of both closes; a TCP port outside {@code ip_local_port_range} binds.
 *
 * <p>The check leaves its TIME_WAIT entry behind on purpose (it lasts 60 s). So that it takes no
 * ephemeral port from the checks after it, the client, the side that ends in TIME_WAIT, binds a
 * port found free outside the range instead of autobinding; the claim is the same for any port.
 * Only the listener binds to port 0 (one ephemeral port, freed when the check ends: the passive
 * closer leaves no TIME_WAIT).
 */
public final class TimeWaitChecks {

    static final long SETTLE_MILLIS = 2_000;

    private final Bench bench;

    public TimeWaitChecks(Bench bench) {
        this.bench = bench;
    }

    public Stream<Check> checks() {
        List<Check> checks = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            checks.add(new Check(new CheckId(Family.UNIQUE, "timewait_tcp4_" + layer.id(), "blocks_exact_bind"), layer,
                    "a port in TIME_WAIT cannot be bound again without SO_REUSEADDR",
                    Map.of("transport", "tcp", "address_family", "ipv4"),
                    List.of(SpecLink.BIND_2, SpecLink.KSELFTEST_BIND_TIMEWAIT), trace -> blocks(layer, trace)));
        }
        return checks.stream();
    }

    /** Ports tried, from 65535 down past the range and then below it, before the check skips. */
    static final int PORT_ATTEMPTS = 64;
    /** The lowest port tried below the range. */
    static final int LOWEST_PORT = 1024;

    /**
     * A TCP port outside ip_local_port_range and the reserved ports that binds on loopback now: tried
     * from the top down (a libc probe socket binds it and closes, holding nothing), skipping ports the
     * socket tables list (TIME_WAIT left by an earlier run of this check included).
     */
    private int portOutsideRange(Trace trace) {
        EphemeralRange range = bench.facts().portRange();
        Set<Integer> listed = SocketTables.listedPorts(Transport.TCP);
        int tried = 0;
        for (int p = 65535; p >= LOWEST_PORT && tried < PORT_ATTEMPTS; p--) {
            if (range.contains(p) || bench.facts().reservedPorts().contains(p) || listed.contains(p)) {
                continue;
            }
            tried++;
            ProbeSocket probe = bench.layer(Layer.LIBC).open(new SocketShape(AddressFamily.IPV4, Transport.TCP), trace);
            Observation bind = probe.bind(new InetSocketAddress(AddressFamily.IPV4.loopback(), p));
            probe.closeSocket();
            if (bind.succeeded()) {
                return p;
            }
        }
        throw new PreconditionUnmet("no TCP port outside ip_local_port_range " + range + " bound on loopback in "
                + tried + " attempts from 65535 down: the TIME_WAIT this check leaves would take an ephemeral port");
    }

    private Judgement blocks(Layer layer, Trace trace) {
        SocketShape tcp4 = new SocketShape(AddressFamily.IPV4, Transport.TCP);
        InetSocketAddress any = new InetSocketAddress(AddressFamily.IPV4.loopback(), 0);
        ProbeSocket listener = bench.layer(layer).open(tcp4, Role.LISTENER, trace);
        SetupFailed.require("listener bind", listener.bind(any));
        SetupFailed.require("listen", listener.listen(4));
        int serverPort = listener.getsockname().port();
        ProbeSocket client = bench.layer(layer).open(tcp4, Role.CLIENT, trace);
        int clientPort = portOutsideRange(trace);
        SetupFailed.require("client bind outside the ephemeral range",
                client.bind(new InetSocketAddress(AddressFamily.IPV4.loopback(), clientPort)));
        SetupFailed.require("connect", client.connect(new InetSocketAddress(AddressFamily.IPV4.loopback(), serverPort)));
        ProbeSocket.Accepted accepted = listener.accept();
        SetupFailed.require("accept", accepted.observation());
        client.closeSocket(); // the active closer: its port goes to TIME_WAIT once the peer closes too
        accepted.socket().closeSocket();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        while (!SocketTables.timeWaitPorts().contains(clientPort) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        if (!SocketTables.timeWaitPorts().contains(clientPort)) {
            if (bench.facts().stack() != NetworkStack.LINUX && SocketTables.timeWaitPorts().isEmpty()) {
                // gVisor's /proc/net/tcp lists only sockets that still have a descriptor: its TIME_WAIT
                // exists (netstack implements it) but cannot be seen, so the state this check needs is unconfirmed.
                throw new PreconditionUnmet("/proc/net/tcp of this stack (" + bench.facts().stack().title()
                        + ") lists no TIME_WAIT socket at all " + SETTLE_MILLIS + " ms after the active close of port "
                        + clientPort + ": the TIME_WAIT this check rebinds over cannot be confirmed");
            }
            throw new SetupFailed("TIME_WAIT on port " + clientPort + " within " + SETTLE_MILLIS + " ms",
                    Observation.ok(layer, org.portzero.suites.probe.Operation.STATE, client.label(), "/proc/net/tcp",
                            "no TIME_WAIT entry"));
        }
        ProbeSocket again = bench.layer(layer).open(tcp4, Role.CLIENT, trace);
        Observation bind = again.bind(new InetSocketAddress(AddressFamily.IPV4.loopback(), clientPort));
        boolean refused = bind.failure() != null
                && ("EADDRINUSE".equals(bind.failure().errno()) || "BindException".equals(bind.failure().exception()));
        return Judgement.check(refused, bind.outcome(), layer == Layer.LIBC ? "EADDRINUSE" : "BindException",
                "tcp4 [" + layer.id() + "]: bind(127.0.0.1:" + clientPort + ") over a TIME_WAIT entry gave "
                        + bind.outcome());
    }
}
