package org.portzero.suites.checks.unique;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.portzero.model.CheckId;
import org.portzero.model.Family;
import org.portzero.model.SpecLink;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.checks.common.BindAddress;
import org.portzero.suites.checks.common.BoundSocket;
import org.portzero.suites.checks.common.SocketVariant;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Role;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.Judgement;

/**
 * Claim: T threads binding to port 0 at the same moment never receive the same port (per
 * protocol): the kernel's bind hash is updated under its bucket lock, so concurrent autobinding
 * cannot hand out one port twice.
 *
 * <p>Spec: bind(2); docs/CATALOGUE.md B02; {@code inet_csk_get_port()} (bucket lock).
 *
 * <p>Assumes: T × M ports are free, else skip (M is capped so T × M stays within half the free ports); all
 * threads start together at a barrier; each thread records under its own trace.
 */
public final class ConcurrencyChecks {

    static final int THREADS = 8;
    static final int PER_THREAD = 25;
    static final long TIMEOUT_SECONDS = 30;

    private final Bench bench;

    public ConcurrencyChecks(Bench bench) {
        this.bench = bench;
    }

    public Stream<Check> checks() {
        List<Check> checks = new ArrayList<>();
        for (Transport t : Transport.values()) {
            for (Layer layer : Layer.values()) {
                if (bench.layer(layer).supports(t)) {
                    SocketVariant v = new SocketVariant(new SocketShape(AddressFamily.IPV4, t), BindAddress.LOOPBACK, layer);
                    checks.add(new Check(new CheckId(Family.UNIQUE, "threads_" + v.name(), "ports_distinct"), layer,
                            THREADS + " threads binding to port 0 at once never receive the same port",
                            v.parameters(), List.of(SpecLink.BIND_2, SpecLink.IP_7), trace -> concurrent(v, trace)));
                }
            }
        }
        return checks.stream();
    }

    private Judgement concurrent(SocketVariant v, Trace trace) throws Exception {
        // THREADS is the claim (that many binds racing), so it is never lowered; the binds per thread
        // only add samples, so they are sized from the budget: half the free ports, at most PER_THREAD.
        v.requireSupported(bench.facts());
        Transport t = v.shape().transport();
        int perThread = Math.max(1, Math.min(PER_THREAD, bench.budget().freePorts(t) / 2 / THREADS));
        UniqueChecks.requireRoom(bench, t, THREADS * perThread,
                THREADS + " threads x " + perThread + " " + v + " sockets bound to port 0 at once");
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Trace> traces = new ArrayList<>();
        List<Future<List<Integer>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                Trace own = new Trace();
                traces.add(own);
                results.add(pool.submit(() -> {
                    start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    List<Integer> ports = new ArrayList<>();
                    for (int k = 0; k < perThread; k++) {
                        BoundSocket b = BoundSocket.bindToPortZero(bench, v, Role.CLIENT, own);
                        ports.add(b.bound() ? b.port() : -1);
                    }
                    return ports;
                }));
            }
            Map<Integer, Integer> holders = new HashMap<>();
            List<String> duplicates = new ArrayList<>();
            int failed = 0;
            for (int i = 0; i < THREADS; i++) {
                for (int port : results.get(i).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    if (port < 0) {
                        failed++;
                        continue;
                    }
                    Integer earlier = holders.putIfAbsent(port, i);
                    if (earlier != null) {
                        duplicates.add(port + " (threads " + earlier + " and " + i + ")");
                    }
                }
            }
            int n = THREADS * perThread;
            String outcome = !duplicates.isEmpty() ? UniqueChecks.SHARED
                    : failed > 0 ? "bind(0) failed" : UniqueChecks.ALL_DISTINCT;
            return Judgement.check(duplicates.isEmpty() && failed == 0, outcome,
                    UniqueChecks.ALL_DISTINCT, v + " [" + v.layer().id() + "]: " + THREADS + " threads x " + perThread
                            + " bind(0): " + failed + " failed; shared ports " + duplicates)
                    .withFigures(THREADS + " threads x " + perThread + ": " + holders.size() + " distinct of " + n
                            + (failed > 0 ? ", " + failed + " failed" : "")
                            + (duplicates.isEmpty() ? "" : "; shared " + String.join(", ", duplicates)));
        } finally {
            pool.shutdownNow();
            for (Trace own : traces) {
                trace.adopt(own.observations());
                own.close();
            }
        }
    }
}
