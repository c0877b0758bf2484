package org.portzero.suites.checks.reserved;

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
import org.portzero.suites.checks.exhaust.ExhaustChecks;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.Role;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.Judgement;
import org.portzero.suites.verdict.PreconditionUnmet;
import org.portzero.suites.verdict.SetupFailed;

/**
 * Claim: ports listed in {@code ip_local_reserved_ports} are never handed out by autobinding —
 * neither by bind(0) nor by connect() on an unbound socket, even when every other port of the
 * range is taken — yet an explicit bind to one succeeds.
 *
 * <p>Spec: ip-sysctl.rst ("These ports will not be used by automatic port assignments … Explicit
 * port allocation behavior is unchanged"); docs/CATALOGUE.md B10; {@code inet_is_local_reserved_port()}.
 *
 * <p>Assumes: some reserved port lies inside the range (the {@code reserved} platform), inside an
 * {@link EphemeralWindow} the check can use up; otherwise skip.
 */
public final class ReservedChecks {

    private static final List<SpecLink> SPECS = List.of(SpecLink.IP_SYSCTL, SpecLink.BIND_2, SpecLink.IP_7);

    private final Bench bench;
    private final ExhaustChecks exhaust;

    public ReservedChecks(Bench bench) {
        this.bench = bench;
        this.exhaust = new ExhaustChecks(bench);
    }

    public Stream<Check> checks() {
        List<Check> checks = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            for (Transport t : Transport.TCP_UDP) {
                if (!bench.layer(layer).supports(t)) {
                    continue;
                }
                Map<String, String> p = Map.of("transport", t.id(), "address_family", "ipv4");
                checks.add(new Check(new CheckId(Family.RESERVED, t.id() + "4_bind0_" + layer.id(), "never_handed_out"),
                        layer, "bind(0) never hands out a reserved port, even with the rest of the range taken", p, SPECS,
                        trace -> bindNeverReserved(t, layer, trace)));
                checks.add(new Check(new CheckId(Family.RESERVED, t.id() + "4_explicit_" + layer.id(), "bindable"),
                        layer, "an explicit bind to a reserved port succeeds", p, SPECS,
                        trace -> explicitBindable(t, layer, trace)));
            }
            checks.add(new Check(new CheckId(Family.RESERVED, "tcp4_connect_" + layer.id(), "never_handed_out"), layer,
                    "connect() on unbound sockets never autobinds a reserved port, even with the rest taken",
                    Map.of("transport", "tcp", "address_family", "ipv4"), SPECS, trace -> connectNeverReserved(layer, trace)));
        }
        return checks.stream();
    }

    private EphemeralWindow windowWithReserved(Layer layer, Transport t, Trace trace) {
        PreconditionUnmet.require(!bench.facts().reservedPorts().isEmpty(), "ip_local_reserved_ports is empty");
        EphemeralWindow w = EphemeralWindow.choose(bench, layer, t, true, trace);
        PreconditionUnmet.require(w.free(bench.facts()) < w.size(), "no reserved port inside " + w);
        return w;
    }

    private Judgement bindNeverReserved(Transport t, Layer layer, Trace trace) {
        EphemeralWindow w = windowWithReserved(layer, t, trace);
        ExhaustChecks.Filled f = exhaust.fill(t, layer, w, Set.of(), trace);
        Set<Integer> reserved = new HashSet<>();
        for (int p : f.ports()) {
            if (bench.facts().reservedPorts().contains(p)) {
                reserved.add(p);
            }
        }
        boolean ok = reserved.isEmpty() && f.refusal() != null;
        return Judgement.check(ok, handedOut(reserved) + ", then " + (f.refusal() == null ? "no refusal" : f.refusal().outcome()),
                "none reserved, then a refusal",
                t.id() + "4 [" + layer.id() + "] in " + w + ": " + f.ports().size() + " bind(0) calls succeeded, "
                        + (reserved.isEmpty() ? "none reserved" : "reserved ports handed out: " + reserved)
                        + (f.refusal() == null ? ", and no bind(0) was refused" : ", then " + f.refusal().outcome())
                        + " (ip_local_reserved_ports " + bench.facts().reservedPorts() + ")")
                .withFigures(f.ports().size() + " bound in " + w + ", " + (w.size() - w.free(bench.facts()))
                        + " reserved in it");
    }

    private Judgement connectNeverReserved(Layer layer, Trace trace) {
        EphemeralWindow w = windowWithReserved(layer, Transport.TCP, trace);
        SocketShape tcp4 = new SocketShape(AddressFamily.IPV4, Transport.TCP);
        ProbeSocket listener = bench.layer(layer).open(tcp4, Role.LISTENER, trace);
        SetupFailed.require("listener bind", listener.bind(new InetSocketAddress(AddressFamily.IPV4.loopback(), 0)));
        SetupFailed.require("listen", listener.listen(w.size() + EphemeralWindow.SLACK));
        int port = listener.getsockname().port();
        Set<Integer> clientPorts = new HashSet<>();
        Observation last = null;
        for (int i = 0; i < w.size() + EphemeralWindow.SLACK; i++) {
            ProbeSocket c = w.open(bench, layer, tcp4, Role.CLIENT, trace);
            last = c.connect(new InetSocketAddress(AddressFamily.IPV4.loopback(), port));
            if (!last.succeeded()) {
                break;
            }
            clientPorts.add(c.getsockname().port());
            listener.accept(); // keeps the backlog from filling: accepted sockets share the listener's port

        }
        Set<Integer> reserved = new HashSet<>();
        for (int p : clientPorts) {
            if (bench.facts().reservedPorts().contains(p)) {
                reserved.add(p);
            }
        }
        boolean ok = reserved.isEmpty() && last != null && !last.succeeded();
        return Judgement.check(ok, handedOut(reserved) + ", then " + (last == null ? "nothing" : last.outcome()),
                "none reserved, then a refusal",
                "tcp4 [" + layer.id() + "] in " + w + ": connect() autobound reserved ports " + reserved)
                .withFigures(clientPorts.size() + " connected in " + w + ", " + (w.size() - w.free(bench.facts()))
                        + " reserved in it");
    }

    /** The outcome for the ports handed out: which reserved ones, never how many in all (a figure). */
    private static String handedOut(Set<Integer> reserved) {
        return reserved.isEmpty() ? "none reserved" : "reserved handed out " + new java.util.TreeSet<>(reserved);
    }

    private Judgement explicitBindable(Transport t, Layer layer, Trace trace) {
        PreconditionUnmet.require(!bench.facts().reservedPorts().isEmpty(), "ip_local_reserved_ports is empty");
        int port = -1;
        for (int p = 1; p < 65536 && port < 0; p++) {
            if (bench.facts().reservedPorts().contains(p) && (bench.facts().isRoot() || p >= bench.facts().unprivilegedPortStart())) {
                port = p;
            }
        }
        PreconditionUnmet.require(port > 0, "every reserved port is privileged and the runner is not root");
        ProbeSocket s = bench.layer(layer).open(new SocketShape(AddressFamily.IPV4, t), Role.CLIENT, trace);
        Observation bind = s.bind(new InetSocketAddress(AddressFamily.IPV4.loopback(), port));
        return Judgement.check(bind.succeeded(), bind.outcome(), "ok",
                t.id() + "4 [" + layer.id() + "]: an explicit bind to reserved port " + port + " gave " + bind.outcome());
    }
}
