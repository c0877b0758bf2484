package org.portzero.suites.checks.unique;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.portzero.model.CheckId;
import org.portzero.model.Family;
import org.portzero.model.PortNames;
import org.portzero.model.SpecLink;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.PortBudget;
import org.portzero.suites.catalogue.PropertyCheck;
import org.portzero.suites.checks.common.BindAddress;
import org.portzero.suites.checks.common.BoundSocket;
import org.portzero.suites.checks.common.SocketGenerators;
import org.portzero.suites.checks.common.SocketVariant;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.Role;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.Judgement;
import org.portzero.suites.verdict.SetupFailed;

/**
 * Claim: N sockets bound to port 0 at the same time, of one protocol and without SO_REUSEADDR or
 * SO_REUSEPORT, hold N distinct ports; TCP and UDP port spaces are independent, so a number live
 * in TCP can be bound in UDP (the checks never claim the two sets are disjoint). An MPTCP socket
 * binds its first subflow, a TCP socket, so TCP and MPTCP sockets held together hold distinct ports.
 *
 * <p>Spec: bind(2) (EADDRINUSE), ip(7); docs/CATALOGUE.md B02; kselftest
 * {@code ip_local_port_range.c:exhaust_8_port_range}.
 *
 * <p>Assumes: at least {@link #MIN_SOCKETS} ports of the live range are free (else skip, from the
 * {@link PortBudget}); the count is capped at half the free ports, since other processes may take some;
 * MPTCP rows (raw calls only) run where the kernel opened an MPTCP socket when the runner asked.
 */
public final class UniqueChecks {

    /** Sockets per scenario check, before the cap. */
    static final int SCENARIO_SOCKETS = 200;
    /** Attempts at finding a TCP port whose number is also free in UDP. */
    static final int INDEPENDENCE_ATTEMPTS = 5;
    /** The outcomes of a crowd of simultaneous bind(0) sockets; how many is a figure, not an outcome. */
    static final String ALL_DISTINCT = "all distinct";
    static final String SHARED = "shared ports";

    private static final String CLAIM = "ports handed out by simultaneous bind(0) calls are distinct per protocol";
    private static final List<SpecLink> SPECS = List.of(SpecLink.BIND_2, SpecLink.IP_7, SpecLink.KSELFTEST_PORT_RANGE);

    private final Bench bench;

    public UniqueChecks(Bench bench) {
        this.bench = bench;
    }

    public static List<SocketVariant> variants() {
        return SocketVariant.table(List.of(BindAddress.LOOPBACK));
    }

    /** The fewest simultaneous sockets a distinctness claim means anything with. */
    static final int MIN_SOCKETS = 2;

    /**
     * How many simultaneous sockets of the transport to hold: half the ports free now (other
     * processes may take some meanwhile), at most {@code wanted}, at least {@link #MIN_SOCKETS}.
     * Sized from the budget because the claim does not depend on the count: N live sockets hold N
     * distinct ports for every N, and the figures name the N that ran ("2 distinct of 2").
     */
    public static int count(PortBudget budget, Transport t, int wanted) {
        return Math.max(MIN_SOCKETS, Math.min(wanted, budget.freePorts(t) / 2));
    }

    /** {@link #count(PortBudget, Transport, int)} for crowds of either transport. */
    static int count(PortBudget budget, int wanted) {
        return Math.min(count(budget, Transport.TCP, wanted), count(budget, Transport.UDP, wanted));
    }

    /** Skips unless {@code n} sockets of the transport (ports and descriptors) fit now. */
    static void requireRoom(Bench bench, Transport t, int n, String what) {
        PortBudget budget = bench.budget();
        budget.requirePorts(n, t, what);
        budget.requireDescriptors(n, what);
    }

    public Stream<Check> checks() {
        Stream<Check> distinct = variants().stream().map(v ->
                new Check(new CheckId(Family.UNIQUE, v.name(), "ports_distinct"), v.layer(), CLAIM,
                        v.parameters(), SPECS, trace -> {
                            v.requireSupported(bench.facts());
                            Transport t = v.shape().transport();
                            int n = count(bench.budget(), t, SCENARIO_SOCKETS);
                            requireRoom(bench, t, n, n + " " + v + " sockets bound to port 0 at once");
                            return portsDistinct(bench, v, n, trace);
                        }));
        Stream<Check> independent = Stream.of(Layer.SOCKET, Layer.NIO, Layer.LIBC).map(layer -> {
            String variant = "tcp_udp_loopback_" + layer.id();
            return new Check(new CheckId(Family.UNIQUE, variant, "port_spaces_independent"), layer,
                    "a port number live in TCP can be bound in UDP: the two port spaces are independent",
                    Map.of("address_family", "ipv4", "address", "loopback"), SPECS, trace -> portSpacesIndependent(layer, trace));
        });
        SocketVariant tcp = new SocketVariant(new SocketShape(AddressFamily.IPV4, Transport.TCP), BindAddress.LOOPBACK, Layer.LIBC);
        SocketVariant mptcp = new SocketVariant(new SocketShape(AddressFamily.IPV4, Transport.MPTCP), BindAddress.LOOPBACK, Layer.LIBC);
        CheckId sharedId = new CheckId(Family.UNIQUE, "tcp_mptcp_loopback_libc", "ports_distinct");
        Check shared = new Check(sharedId, Layer.LIBC,
                "TCP and MPTCP sockets bound to port 0 at once hold distinct ports: MPTCP takes its ports from TCP's space",
                Map.of("address_family", "ipv4", "address", "loopback"), SPECS, trace -> {
                    mptcp.requireSupported(bench.facts());
                    int n = count(bench.budget(), Transport.TCP, SCENARIO_SOCKETS);
                    requireRoom(bench, Transport.TCP, n, n + " tcp4 and mptcp4 sockets, alternating, bound to port 0 at once");
                    return portsDistinct(bench, sharedId.variant(), List.of(tcp, mptcp), n, trace);
                });
        return Stream.concat(Stream.concat(distinct, independent), Stream.of(shared));
    }

    /** Crowd sizes per layer property by default; each size is tried for every socket shape. */
    static final int PROPERTY_EXAMPLES = 8;
    static final int PROPERTY_MAX_SOCKETS = 2000;

    /** One property per layer: crowds of simultaneous bind(0) sockets of one protocol hold distinct ports. */
    public Stream<Check> properties() {
        int most = count(bench.budget(), PROPERTY_MAX_SOCKETS);
        return Stream.of(Layer.values()).map(layer -> PropertyCheck.of(
                new CheckId(Family.UNIQUE, "generated_" + layer.id(), "ports_distinct"), layer,
                "any generated crowd of simultaneous bind(0) sockets of one protocol holds distinct ports",
                Map.of("generator", "crowds"), SPECS, bench.properties(), PROPERTY_EXAMPLES,
                SocketGenerators.crowds(bench.facts(), layer, most),
                crowds -> crowds.variants().stream().map(v -> v.shape().id()).collect(Collectors.toList()),
                (crowds, trace) -> {
                    for (SocketVariant v : crowds.variants()) {
                        Judgement j = portsDistinct(bench, v, crowds.size(), trace);
                        if (!j.holds()) {
                            return j;
                        }
                        trace.close(); // release this shape's crowd before the next
                    }
                    return Judgement.held("all distinct per shape", "all distinct per shape")
                            .withFigures(crowds.size() + " sockets per shape");
                })).map(property -> new Check(property.id(), property.layer(), property.claim(), property.parameters(),
                        property.specs(), trace -> {
                            // The crowd sizes were drawn up to `most` when the family was built; they must still fit.
                            for (Transport t : Transport.values()) {
                                requireRoom(bench, t, most, "crowds of up to " + most + " sockets bound to port 0 at once");
                            }
                            return property.body().judge(trace);
                        }));
    }

    /** Binds {@code n} sockets of the variant at once and judges that their ports are distinct. */
    public static Judgement portsDistinct(Bench bench, SocketVariant v, int n, Trace trace) {
        return portsDistinct(bench, v.name(), List.of(v), n, trace);
    }

    /**
     * Binds {@code n} sockets at once, taking the variants in turn, and judges that their ports are
     * distinct across all of them (variants of one port space, e.g. TCP and MPTCP).
     */
    static Judgement portsDistinct(Bench bench, String v, List<SocketVariant> variants, int n, Trace trace) {
        Map<Integer, String> holders = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        List<BoundSocket> crowd = crowd(bench, variants, n, trace);
        for (int i = 0; i < crowd.size(); i++) {
            SocketVariant next = variants.get(i % variants.size());
            BoundSocket bound = crowd.get(i);
            if (!bound.bound()) {
                return Judgement.broke(bound.bind().outcome(), ALL_DISTINCT,
                        v + " [" + next.layer().id() + "]: socket " + (i + 1) + " of " + n + ": " + bound.whyUnbound())
                        .withFigures("socket " + (i + 1) + " of " + n);
            }
            String earlier = holders.putIfAbsent(bound.port(), bound.socket().label());
            if (earlier != null) {
                duplicates.add(bound.port() + " (" + earlier + " and " + bound.socket().label() + ")");
            }
        }
        return Judgement.check(duplicates.isEmpty(), duplicates.isEmpty() ? ALL_DISTINCT : SHARED, ALL_DISTINCT,
                v + " [" + variants.get(0).layer().id() + "]: " + n + " live bind(0) sockets share ports: " + String.join(", ", duplicates))
                .withFigures(holders.size() + " distinct of " + n + " sockets"
                        + (duplicates.isEmpty() ? "" : "; shared " + String.join(", ", duplicates)));
    }

    /**
     * {@code n} sockets bound to port 0, the variants taken in turn, up to the first that is not
     * bound: one crowd for a single variant (one round trip to a layer in another process).
     */
    private static List<BoundSocket> crowd(Bench bench, List<SocketVariant> variants, int n, Trace trace) {
        if (variants.size() == 1) {
            return BoundSocket.crowdAtPortZero(bench, variants.get(0), Role.CLIENT, n, trace);
        }
        List<BoundSocket> crowd = new ArrayList<>(n);
        for (int i = 0; i < n && (crowd.isEmpty() || crowd.get(crowd.size() - 1).bound()); i++) {
            crowd.add(BoundSocket.bindToPortZero(bench, variants.get(i % variants.size()), Role.CLIENT, trace));
        }
        return crowd;
    }

    private Judgement portSpacesIndependent(Layer layer, Trace trace) {
        List<String> tried = new ArrayList<>();
        // Each attempt's port is named (P1, P2…) in the outcome; the numbers are figures.
        PortNames ports = new PortNames();
        List<String> triedNamed = new ArrayList<>();
        for (int attempt = 0; attempt < INDEPENDENCE_ATTEMPTS; attempt++) {
            SocketVariant tcp = new SocketVariant(new SocketShape(AddressFamily.IPV4, Transport.TCP), BindAddress.LOOPBACK, layer);
            BoundSocket bound = BoundSocket.bindToPortZero(bench, tcp, Role.CLIENT, trace);
            if (!bound.bound() || bound.port() <= 0) {
                // Without a live TCP port there is nothing to test the UDP space against.
                throw new SetupFailed("TCP bind(127.0.0.1:0)", bound.bind().succeeded() ? bound.name() : bound.bind());
            }
            ProbeSocket udp = bench.layer(layer).open(new SocketShape(AddressFamily.IPV4, Transport.UDP), trace);
            Observation udpBind = udp.bind(new java.net.InetSocketAddress(AddressFamily.IPV4.loopback(), bound.port()));
            String tcpPort = ports.name(bound.port());
            if (udpBind.succeeded() && (udpBind.endpoint() == null || udpBind.port() == bound.port())) {
                return Judgement.held("tcp " + tcpPort + " + udp " + tcpPort + " both live",
                        "the same number live in TCP and UDP").withFigures("port " + bound.port());
            }
            tried.add(bound.port() + ": " + udpBind.outcome());
            triedNamed.add(tcpPort + ": " + udpBind.outcome(ports));
        }
        return Judgement.broke(String.join("; ", triedNamed), "the same number live in TCP and UDP",
                "[" + layer.id() + "]: UDP bind to a port held only by TCP failed " + INDEPENDENCE_ATTEMPTS
                        + " times (" + String.join("; ", tried) + "): the port spaces look shared")
                .withFigures(String.join("; ", tried));
    }
}
