package org.portzero.suites.checks.wildcard;

import java.util.List;
import java.util.stream.Stream;
import org.portzero.model.CheckId;
import org.portzero.model.Family;
import org.portzero.model.PortNames;
import org.portzero.model.SpecLink;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.PropertyCheck;
import org.portzero.suites.checks.common.BindAddress;
import org.portzero.suites.checks.common.BoundSocket;
import org.portzero.suites.checks.common.SocketGenerators;
import org.portzero.suites.checks.common.SocketVariant;
import org.portzero.suites.probe.Endpoint;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.Role;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.Judgement;
import org.portzero.suites.verdict.SetupFailed;

/**
 * Claim: getsockname on a socket bound to the wildcard reports the wildcard of the socket's
 * family with the assigned port, and listen() does not change it; an unbound socket reports
 * port 0 (the kernel) or no address at all (the JDK). The JDK spells one kernel state two ways
 * ({@code ServerSocket} says {@code 0.0.0.0} where a channel says {@code ::}): both spellings are
 * recorded, and each is judged against the wildcard that side must spell for the row
 * ({@link FamilyWildcard}): an IPv4 socket's {@code 0.0.0.0}, an IPv6 or dual-stack one's {@code ::}.
 *
 * <p>Spec: getsockname(2), ip(7), ipv6(7); docs/CATALOGUE.md B19, B20; JDK-8224730
 * ({@code ServerSocket/TestLocalAddress.java}); NioSocketImpl.bind ("when binding to 0.0.0.0 the
 * actual local address will be ::0 when IPv6 is enabled").
 *
 * <p>Assumes: TCP rows use the listening class of each API ({@code ServerSocket},
 * {@code ServerSocketChannel}, {@code AsynchronousServerSocketChannel}), whose bind also listens;
 * only the libc rows can observe getsockname between bind and listen.
 */
public final class WildcardChecks {

    private static final List<SpecLink> SPECS = List.of(SpecLink.GETSOCKNAME_2, SpecLink.IP_7, SpecLink.IPV6_7,
            SpecLink.JDK_8224730);

    private final Bench bench;

    public WildcardChecks(Bench bench) {
        this.bench = bench;
    }

    public static List<SocketVariant> variants() {
        return SocketVariant.table(List.of(BindAddress.WILDCARD));
    }

    public Stream<Check> checks() {
        return variants().stream().flatMap(v -> {
            Stream.Builder<Check> b = Stream.builder();
            b.add(check(v, "reports_wildcard", "getsockname after bind(" + v.portZero()
                    + ") is a wildcard with the assigned port", this::reportsWildcard));
            b.add(check(v, "kernel_reports_family_wildcard", "the kernel's getsockname on the same socket is the "
                    + "wildcard of the socket's own address family, with the same port", this::kernelReportsFamilyWildcard));
            if (v.layer() == Layer.LIBC && v.shape().transport().stream()) {
                b.add(check(v, "unchanged_by_listen", "listen() does not change getsockname", this::unchangedByListen));
            }
            b.add(check(v, "unbound_reports_port_zero", "an unbound socket reports port 0 (kernel) or no address (JDK)",
                    this::unboundReportsPortZero));
            return b.build();
        });
    }

    static final int PROPERTY_EXAMPLES = 100;

    /** One property per layer: any generated wildcard bind reports a wildcard, in the API and the kernel. */
    public Stream<Check> properties() {
        return Stream.of(Layer.values()).map(layer -> PropertyCheck.of(
                new CheckId(Family.WILDCARD, "generated_" + layer.id(), "reports_wildcard"), layer,
                "getsockname after any generated bind(wildcard, 0) is a wildcard with the assigned port, in the API and the kernel",
                java.util.Map.of("generator", "bindRequests"), SPECS, bench.properties(), PROPERTY_EXAMPLES,
                SocketGenerators.bindRequests(bench.facts(), layer, List.of(BindAddress.WILDCARD)),
                v -> List.of(v.shape().id()), (variant, trace) -> {
                    Judgement api = reportsWildcard(variant, trace);
                    trace.close(); // one port at a time: the second bind(0) needs no second free port
                    return api.holds() ? kernelReportsFamilyWildcard(variant, trace) : api;
                }));
    }

    private interface Claim {
        Judgement judge(SocketVariant v, org.portzero.suites.probe.Trace trace);
    }

    private Check check(SocketVariant v, String name, String claim, Claim body) {
        return new Check(new CheckId(Family.WILDCARD, v.name(), name), v.layer(), claim, v.parameters(), SPECS, trace -> {
            v.requireSupported(bench.facts());
            return body.judge(v, trace);
        });
    }

    private String where(SocketVariant v) {
        return v + " [" + v.layer().id() + "]: ";
    }

    private Judgement reportsWildcard(SocketVariant v, org.portzero.suites.probe.Trace trace) {
        BoundSocket bound = BoundSocket.bindToPortZero(bench, v, Role.LISTENER, trace);
        if (!bound.bound()) {
            return Judgement.broke(bound.bind().outcome(), "a wildcard address", where(v) + bound.whyUnbound());
        }
        String wildcard = FamilyWildcard.of(v, bench.facts()).api();
        Endpoint name = bound.name().endpoint();
        boolean isFamilyWildcard = name.address().equals(wildcard);
        boolean portAgrees = bound.bind().endpoint() == null || bound.bind().endpoint().port() == name.port();
        return Judgement.check(isFamilyWildcard && name.port() != 0 && portAgrees, name.shortForm(new PortNames()),
                wildcard + ", port != 0",
                where(v) + "getsockname after bind(" + v.portZero() + ") returned " + name
                        + (isFamilyWildcard ? "" : ", not the wildcard " + wildcard + " this socket reports")
                        + (name.port() != 0 ? "" : ", port 0")
                        + (portAgrees ? "" : ", port differs from bind's " + bound.bind().endpoint()))
                .withFigures(name.shortForm());
    }

    private Judgement kernelReportsFamilyWildcard(SocketVariant v, org.portzero.suites.probe.Trace trace) {
        BoundSocket bound = BoundSocket.bindToPortZero(bench, v, Role.LISTENER, trace);
        if (!bound.bound()) {
            return Judgement.broke(bound.bind().outcome(), "a wildcard address", where(v) + bound.whyUnbound());
        }
        Observation kernel = bound.socket().kernelSockname();
        if (!kernel.succeeded()) {
            return Judgement.broke(kernel.outcome(), "a wildcard address",
                    where(v) + "the kernel's getsockname failed: " + kernel);
        }
        FamilyWildcard wildcard = FamilyWildcard.of(v, bench.facts());
        Endpoint k = kernel.endpoint();
        Endpoint api = bound.name().endpoint();
        boolean ok = k.address().equals(wildcard.kernel()) && k.family().equals(wildcard.kernelFamily())
                && k.port() == api.port() && api.address().equals(wildcard.api());
        PortNames ports = new PortNames();
        return Judgement.check(ok, "api=" + api.shortForm(ports) + " kernel=" + k.shortForm(ports),
                "kernel " + wildcard.kernel() + " with the api's port, api " + wildcard.api(),
                where(v) + "the API reports " + api + " while the kernel reports " + k
                        + " (expected the " + (wildcard.kernelFamily().equals("inet") ? "AF_INET" : "AF_INET6")
                        + " wildcard " + wildcard.kernel() + " with the same port, the API spelling it "
                        + wildcard.api() + ")")
                .withFigures("api=" + api.shortForm() + " kernel=" + k.shortForm());
    }

    private Judgement unchangedByListen(SocketVariant v, org.portzero.suites.probe.Trace trace) {
        BoundSocket bound = BoundSocket.bindToPortZero(bench, v, Role.LISTENER, trace);
        if (!bound.bound()) {
            return Judgement.broke(bound.bind().outcome(), "a wildcard address", where(v) + bound.whyUnbound());
        }
        Observation listen = bound.socket().listen(16);
        Observation after = bound.socket().getsockname();
        String wildcard = FamilyWildcard.of(v, bench.facts()).api();
        boolean same = listen.succeeded() && after.endpoint() != null
                && after.endpoint().equals(bound.name().endpoint()) && after.endpoint().address().equals(wildcard);
        PortNames ports = new PortNames();
        return Judgement.check(same, "before=" + bound.name().outcome(ports) + " after=" + after.outcome(ports),
                "after == before == " + wildcard, where(v) + "getsockname changed across listen() or is not "
                        + wildcard + ": before " + bound.name().outcome()
                        + ", after " + after.outcome() + " (listen: " + listen.outcome() + ")")
                .withFigures("before=" + bound.name().outcome() + " after=" + after.outcome());
    }

    /**
     * A channel or libc socket has its descriptor from the moment it opens; a {@code ServerSocket}
     * creates its socket only when it binds, so there the kernel has nothing to report yet and the
     * API's "unbound" is what can be judged. Any other missing descriptor is the harness's blind
     * spot: broken, never a pass.
     */
    private Judgement unboundReportsPortZero(SocketVariant v, org.portzero.suites.probe.Trace trace) {
        ProbeSocket socket = bench.layer(v.layer()).open(v.shape(), Role.LISTENER, trace);
        Observation api = socket.getsockname();
        Observation kernel = v.layer() == Layer.LIBC ? api : socket.kernelSockname();
        String wildcard = FamilyWildcard.of(v, bench.facts()).kernel();
        boolean kernelSaysZero = kernel.succeeded() && kernel.endpoint() != null && kernel.port() == 0
                && kernel.endpoint().address().equals(wildcard);
        boolean noDescriptor = !kernel.succeeded() && ProbeSocket.NO_DESCRIPTOR.equals(kernel.failure().exception());
        boolean createdAtBind = v.layer() == Layer.SOCKET && v.shape().transport() == Transport.TCP;
        String observed = v.layer() == Layer.LIBC ? api.outcome() : "api=" + api.outcome() + " kernel=" + kernel.outcome();
        if (v.layer() == Layer.LIBC) {
            return Judgement.check(kernelSaysZero, observed, wildcard + ", port 0",
                    where(v) + "getsockname on an unbound socket returned " + api.outcome() + "; expected "
                            + wildcard + " port 0");
        }
        if (noDescriptor && !createdAtBind) {
            throw new SetupFailed("reading the kernel's address of the unbound socket's descriptor", kernel);
        }
        boolean apiUnbound = api.succeeded() && api.endpoint() == null;
        return Judgement.check(apiUnbound && (kernelSaysZero || noDescriptor), observed,
                "api=unbound kernel=" + (createdAtBind ? "no socket yet or " : "") + wildcard + ":0",
                where(v) + "an unbound socket should have no local address in the JDK and " + wildcard
                        + " port 0 in the kernel; saw " + observed);
    }
}
