package org.portzero.suites.checks.unique;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.portzero.model.CheckId;
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
import org.portzero.suites.verdict.SetupFailed;

/**
 * Claim: the side that closes a TCP connection first keeps its port in TIME_WAIT, and while it
 * does, bind() to that exact address and port without SO_REUSEADDR fails with EADDRINUSE
 * (the JDK: BindException).
 *
 * <p>Spec: bind(2), tcp(7); docs/CATALOGUE.md B28; kselftest {@code bind_timewait.c}.
 *
 * <p>Assumes: loopback; the TIME_WAIT entry shows in {@code /proc/net/tcp} within
 * {@link #SETTLE_MILLIS} of both closes.
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

    private Judgement blocks(Layer layer, Trace trace) {
        SocketShape tcp4 = new SocketShape(AddressFamily.IPV4, Transport.TCP);
        InetSocketAddress any = new InetSocketAddress(AddressFamily.IPV4.loopback(), 0);
        ProbeSocket listener = bench.layer(layer).open(tcp4, Role.LISTENER, trace);
        SetupFailed.require("listener bind", listener.bind(any));
        SetupFailed.require("listen", listener.listen(4));
        int serverPort = listener.getsockname().port();
        ProbeSocket client = bench.layer(layer).open(tcp4, Role.CLIENT, trace);
        SetupFailed.require("connect", client.connect(new InetSocketAddress(AddressFamily.IPV4.loopback(), serverPort)));
        int clientPort = client.getsockname().port();
        ProbeSocket.Accepted accepted = listener.accept();
        SetupFailed.require("accept", accepted.observation());
        client.closeSocket(); // the active closer: its port goes to TIME_WAIT once the peer closes too
        accepted.socket().closeSocket();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        while (!SocketTables.timeWaitPorts().contains(clientPort) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        if (!SocketTables.timeWaitPorts().contains(clientPort)) {
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
