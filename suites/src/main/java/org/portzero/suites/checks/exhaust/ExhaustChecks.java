package org.portzero.suites.checks.exhaust;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.portzero.model.CheckId;
import org.portzero.model.Family;
import org.portzero.model.SpecLink;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.checks.common.EphemeralWindow;
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
 * Claim: exactly as many bind(0) calls succeed as the range (or window) has free ports, each a
 * distinct unreserved port inside it, and the next fails with EADDRINUSE; once the range is used
 * up, each call kind fails with its own errno ({@link ExhaustionErrors}); closing k sockets lets
 * exactly k more bind(0) calls succeed.
 *
 * <p>Spec: bind(2), connect(2), listen(2) (EADDRINUSE "the port number was specified as zero …
 * all port numbers in the ephemeral port range are currently in use"); docs/CATALOGUE.md B06–B09;
 * kselftest {@code ip_local_port_range.c:exhaust_8_port_range}.
 *
 * <p>Assumes: an {@link EphemeralWindow}: the narrow-range platform's whole range, or a window set
 * with IP_LOCAL_PORT_RANGE (libc, where the kernel offers it: probed, {@code KernelOption}); otherwise skip. Ports that the kernel's socket
 * tables list inside the window when a check starts (TIME_WAIT left by earlier checks) are
 * subtracted from what can be handed out. {@code closing_frees_as_many} needs {@link #CLOSED} free
 * ports in the window, else skip (the {@code PortBudget}).
 */
public final class ExhaustChecks {

    /** Sockets closed and rebound by {@code closing_frees_as_many}. */
    static final int CLOSED = 3;
    /** Outcomes: how many ports a window held is a figure, not an outcome. */
    static final String FILLED = "filled the window";
    static final String REBOUND_AS_MANY = "as many rebound as were closed";

    private static final List<SpecLink> SPECS = List.of(SpecLink.BIND_2, SpecLink.CONNECT_2, SpecLink.IP_7,
            SpecLink.KSELFTEST_PORT_RANGE);
    private static final byte[] PAYLOAD = {'p', 'z'};

    private final Bench bench;

    public ExhaustChecks(Bench bench) {
        this.bench = bench;
    }

    /** A window filled with bind(0) holders, and the call after them that failed. */
    public record Filled(EphemeralWindow window, List<ProbeSocket> holders, Set<Integer> ports, int expected,
                  Observation refusal, boolean othersTookPorts, Set<Integer> skippedFree) {

        /** Whether something besides this fill may have changed the window while it ran. */
        boolean disturbed() {
            return othersTookPorts || !skippedFree.isEmpty();
        }
    }

    /**
     * Why a failure of these checks may be the environment's: they count ports of a window that
     * other processes of a shared host (the host platform) can take or free between a fill and its
     * count, sometimes unseen by the socket tables. They alone in the family may run once more.
     */
    static final String SHARED_WINDOW = "other processes on a shared host can take or free ports of the filled window"
            + " between the fill and its count";

    /** Fills of a window that another process disturbed are retried this many times, then skipped. */
    static final int ATTEMPTS = 3;

    public Stream<Check> checks() {
        List<Check> checks = new ArrayList<>();
        for (Transport t : Transport.TCP_UDP) {
            for (Layer layer : Layer.values()) {
                if (!bench.layer(layer).supports(t)) {
                    continue;
                }
                String shape = t.id() + "4";
                Map<String, String> p = Map.of("transport", t.id(), "address_family", "ipv4");
                checks.add(new Check(new CheckId(Family.EXHAUST, shape + "_bind0_" + layer.id(), "fills_range_then_refuses"),
                        layer, "bind(0) succeeds once per free port of the range, then fails with "
                        + ExhaustionErrors.BIND.expected(layer), p, SPECS, trace -> fillsRange(t, layer, trace))
                        .environmentSensitive(SHARED_WINDOW));
                checks.add(new Check(new CheckId(Family.EXHAUST, shape + "_bind0_" + layer.id(), "closing_frees_as_many"),
                        layer, "after closing " + CLOSED + " holders exactly " + CLOSED + " more bind(0) calls succeed",
                        p, SPECS, trace -> closingFreesAsMany(t, layer, trace))
                        .environmentSensitive(SHARED_WINDOW));
                List<String> calls = t == Transport.TCP ? List.of("connect", "listen") : List.of("connect", "sendto");
                for (String call : calls) {
                    ExhaustionErrors e = ExhaustionErrors.of(call, t);
                    if (!e.existsOn(layer)) {
                        continue;
                    }
                    checks.add(new Check(new CheckId(Family.EXHAUST, shape + "_" + call + "_" + layer.id(),
                            "refused_when_exhausted"), layer, call + " on an unbound socket with the range used up fails with "
                            + e.expected(layer), p, SPECS, trace -> unboundCallRefused(t, layer, e, trace))
                            .environmentSensitive(SHARED_WINDOW));
                }
            }
        }
        return checks.stream();
    }

    private SocketShape shape(Transport t) {
        return new SocketShape(AddressFamily.IPV4, t);
    }

    private InetSocketAddress loopbackZero() {
        return new InetSocketAddress(AddressFamily.IPV4.loopback(), 0);
    }

    /** Binds holders until one fails (at most the window size plus slack). */
    public Filled fill(Transport t, Layer layer, EphemeralWindow window, Set<Integer> alreadyHeld, Trace trace) {
        Set<Integer> before = listedIn(t, window);
        List<ProbeSocket> holders = new ArrayList<>();
        Set<Integer> ports = new HashSet<>();
        Observation refusal = null;
        for (int i = 0; i < window.size() + EphemeralWindow.SLACK && refusal == null; i++) {
            ProbeSocket s = window.open(bench, layer, shape(t), Role.CLIENT, trace);
            Observation bind = s.bind(loopbackZero());
            if (bind.succeeded()) {
                holders.add(s);
                ports.add(s.getsockname().port());
            } else {
                refusal = bind;
            }
        }
        // Ports the tables list before or after the fill and that the fill did not get were held by
        // others (TIME_WAIT entries expiring meanwhile included). A port listed only afterwards
        // means another process took one during the fill: the fill was disturbed.
        Set<Integer> after = listedIn(t, window);
        after.removeAll(ports);
        Set<Integer> appeared = new HashSet<>(after);
        appeared.removeAll(before);
        Set<Integer> taken = new HashSet<>(alreadyHeld);
        taken.addAll(before);
        taken.addAll(after);
        taken.removeAll(ports);
        Set<Integer> skippedFree = new HashSet<>();
        // A port bind(0) skipped is either held by someone (an explicit bind fails too) or was busy
        // for a moment (an explicit bind now succeeds): the latter means the fill must be redone.
        for (int p = window.low(); p <= window.high(); p++) {
            if (ports.contains(p) || taken.contains(p) || bench.facts().reservedPorts().contains(p)) {
                continue;
            }
            ProbeSocket probe = bench.layer(Layer.LIBC).open(shape(t), trace);
            Observation explicit = probe.bind(new InetSocketAddress(AddressFamily.IPV4.loopback(), p));
            probe.closeSocket();
            if (explicit.succeeded()) {
                skippedFree.add(p);
            } else {
                taken.add(p);
            }
        }
        return new Filled(window, holders, ports, window.free(bench.facts()) - taken.size(), refusal,
                !appeared.isEmpty(), skippedFree);
    }

    /** The ports of the window that the kernel's tables list now (TIME_WAIT and other processes' sockets). */
    private Set<Integer> listedIn(Transport t, EphemeralWindow window) {
        Set<Integer> listed = new HashSet<>();
        for (int port : SocketTables.listedPorts(t)) {
            if (window.contains(port) && !bench.facts().reservedPorts().contains(port)) {
                listed.add(port);
            }
        }
        return listed;
    }

    /**
     * Fills the window until no other process disturbed the fill (closing a disturbed fill's
     * holders), or skips. A free port that bind(0) skips in every attempt is no disturbance but
     * the finding: that fill is judged.
     */
    private Filled undisturbedFill(Transport t, Layer layer, EphemeralWindow w, Set<Integer> held, Trace trace) {
        Set<Integer> alwaysSkipped = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Filled f = fill(t, layer, w, held, trace);
            if (!f.disturbed()) {
                return f;
            }
            if (alwaysSkipped == null) {
                alwaysSkipped = new HashSet<>(f.skippedFree());
            } else {
                alwaysSkipped.retainAll(f.skippedFree());
            }
            if (attempt == ATTEMPTS && !alwaysSkipped.isEmpty() && !f.othersTookPorts()) {
                return f;
            }
            f.holders().forEach(ProbeSocket::closeSocket);
        }
        throw new PreconditionUnmet("other processes kept taking and freeing ports in " + w
                + " while it was filled: exhaustion cannot be judged on this shared network namespace");
    }

    private Judgement judgeFill(Transport t, Layer layer, Filled f, String where) {
        List<String> wrong = new ArrayList<>();
        if (f.holders().size() != f.expected()) {
            wrong.add(f.holders().size() + " bind(0) calls succeeded where the window had " + f.expected() + " free ports");
        }
        // A port held twice, or one outside the window or reserved, is proof: never re-run into flaky.
        boolean proof = false;
        if (f.ports().size() != f.holders().size()) {
            wrong.add("only " + f.ports().size() + " distinct ports among " + f.holders().size());
            proof = true;
        }
        for (int p : f.ports()) {
            if (!f.window().contains(p) || bench.facts().reservedPorts().contains(p)) {
                wrong.add("port " + p + " is outside the window or reserved");
                proof = true;
                break;
            }
        }
        if (f.refusal() == null || !ExhaustionErrors.BIND.matches(layer, f.refusal())) {
            wrong.add("the next bind(0) gave " + (f.refusal() == null ? "success" : f.refusal().outcome()));
        }
        int bound = f.holders().size();
        String filled = bound == f.expected() ? FILLED : bound < f.expected() ? "stopped short of the window"
                : "bound more ports than the window had free";
        if (f.ports().size() != bound) {
            filled += " with a port twice";
        }
        return Judgement.check(wrong.isEmpty(),
                filled + ", then " + (f.refusal() == null ? "ok" : f.refusal().outcome()),
                FILLED + ", then " + ExhaustionErrors.BIND.expected(layer),
                where + String.join("; ", wrong))
                .withFigures(bound + " bound of " + f.expected() + " free in " + f.window())
                .asCounterexample(proof);
    }

    private String where(Transport t, Layer layer, EphemeralWindow w) {
        return t.id() + "4 [" + layer.id() + "] in " + w + ": ";
    }

    private Judgement fillsRange(Transport t, Layer layer, Trace trace) {
        EphemeralWindow w = EphemeralWindow.choose(bench, layer, t, false, trace);
        return judgeFill(t, layer, undisturbedFill(t, layer, w, Set.of(), trace), where(t, layer, w));
    }

    private Judgement closingFreesAsMany(Transport t, Layer layer, Trace trace) {
        EphemeralWindow w = EphemeralWindow.choose(bench, layer, t, false, trace);
        // CLOSED holders to close and rebind: a window with fewer free ports cannot show it.
        bench.budget().requirePorts(CLOSED, t, w.low(), w.high(),
                CLOSED + " holders to close and bind again in " + w);
        Filled f = undisturbedFill(t, layer, w, Set.of(), trace);
        if (f.holders().size() < CLOSED || f.refusal() == null) {
            return Judgement.broke("could not fill the window", FILLED + ", then a refusal",
                    where(t, layer, w) + "could not fill the window: " + f.holders().size() + " bound, last "
                            + (f.refusal() == null ? "none refused" : f.refusal().outcome()))
                    .withFigures(f.holders().size() + " bound in " + w + ", at least " + CLOSED + " needed");
        }
        for (int i = 0; i < CLOSED; i++) {
            f.holders().get(i).closeSocket();
        }
        int rebound = 0;
        Observation last = null;
        for (int i = 0; i <= CLOSED + 1; i++) {
            ProbeSocket s = w.open(bench, layer, shape(t), Role.CLIENT, trace);
            last = s.bind(loopbackZero());
            if (!last.succeeded()) {
                break;
            }
            rebound++;
        }
        boolean ok = rebound == CLOSED && last != null && ExhaustionErrors.BIND.matches(layer, last);
        String rebinds = rebound == CLOSED ? REBOUND_AS_MANY : rebound < CLOSED ? "fewer rebound than were closed"
                : "more rebound than were closed";
        return Judgement.check(ok, rebinds + ", then " + last.outcome(),
                REBOUND_AS_MANY + ", then " + ExhaustionErrors.BIND.expected(layer),
                where(t, layer, w) + "after closing " + CLOSED + " of " + f.holders().size() + " holders, " + rebound
                        + " bind(0) calls succeeded and the next gave " + last.outcome())
                .withFigures(CLOSED + " closed of " + f.holders().size() + " in " + w + ", " + rebound + " rebound");
    }

    private Judgement unboundCallRefused(Transport t, Layer layer, ExhaustionErrors e, Trace trace) {
        EphemeralWindow w = EphemeralWindow.choose(bench, layer, t, false, trace);
        // A peer to connect or send to, bound before the window is filled (it may hold a port of it).
        ProbeSocket peer = bench.layer(layer).open(shape(t), Role.LISTENER, trace);
        SetupFailed.require("peer bind", peer.bind(loopbackZero()));
        if (t == Transport.TCP) {
            SetupFailed.require("peer listen", peer.listen(16));
        }
        int peerPort = SetupFailed.require("peer getsockname", peer.getsockname()).port();
        Filled f = undisturbedFill(t, layer, w, w.contains(peerPort) ? Set.of(peerPort) : Set.of(), trace);
        if (f.refusal() == null) {
            return Judgement.broke("bind(0) never refused", "the window filled",
                    where(t, layer, w) + "bind(0) never failed after " + f.holders().size() + " sockets")
                    .withFigures(f.holders().size() + " bound in " + w);
        }
        ProbeSocket unbound = w.open(bench, layer, shape(t), Role.CLIENT, trace);
        InetSocketAddress target = new InetSocketAddress(AddressFamily.IPV4.loopback(), peerPort);
        Observation call = switch (e) {
            case TCP_CONNECT, UDP_CONNECT -> unbound.connect(target);
            case TCP_LISTEN -> unbound.listen(16);
            default -> unbound.send(target, PAYLOAD);
        };
        return Judgement.check(e.matches(layer, call), call.outcome(), e.expected(layer),
                where(t, layer, w) + "with " + f.holders().size() + " holders, " + e.call()
                        + " on an unbound socket gave " + call.outcome() + "; expected " + e.expected(layer))
                .withFigures(f.holders().size() + " holders in " + w);
    }
}
