package org.portzero.suites.checks.bind0;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.portzero.model.CheckId;
import org.portzero.model.EphemeralRange;
import org.portzero.model.Family;
import org.portzero.model.PlatformFacts;
import org.portzero.model.SpecLink;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.PropertyCheck;
import org.portzero.suites.checks.common.BindAddress;
import org.portzero.suites.checks.common.BoundSocket;
import org.portzero.suites.checks.common.SocketGenerators;
import org.portzero.suites.checks.common.SocketVariant;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.Role;
import org.portzero.suites.verdict.Judgement;
import org.portzero.suites.verdict.PreconditionUnmet;

/**
 * Claim: {@code bind(address, 0)} yields a real ephemeral port: not 0, inside the live
 * {@code ip_local_port_range}, not in {@code ip_local_reserved_ports}, never below
 * {@code ip_unprivileged_port_start} for a non-root process, and the JDK reports the port the
 * kernel assigned.
 *
 * <p>Spec: bind(2), ip(7) ("ip_local_port_range"), ip-sysctl.rst (reserved ports are skipped by
 * automatic assignment), RFC 6056 / RFC 6335 (ephemeral ports); docs/CATALOGUE.md B01, B10;
 * kselftest {@code ip_local_port_range.c}.
 *
 * <p>Assumes: the facts are read in the same network namespace the sockets live in (a container
 * has its own range, B14). TCP rows bind a client socket ({@code Socket}, {@code SocketChannel},
 * a bare fd) without listening.
 */
public final class Bind0Checks {

    private static final String CLAIM = "bind(address, 0) yields a real ephemeral port from the live range";
    private static final List<SpecLink> SPECS = List.of(SpecLink.BIND_2, SpecLink.IP_7, SpecLink.IP_SYSCTL,
            SpecLink.RFC_6056, SpecLink.KSELFTEST_PORT_RANGE);

    private final Bench bench;

    public Bind0Checks(Bench bench) {
        this.bench = bench;
    }

    public static List<SocketVariant> variants() {
        return SocketVariant.table(List.of(BindAddress.LOOPBACK, BindAddress.WILDCARD));
    }

    public Stream<Check> checks() {
        return variants().stream().flatMap(v -> Stream.of(
                check(v, "port_nonzero", this::portNonzero),
                check(v, "port_in_range", this::portInRange),
                check(v, "port_not_reserved", this::portNotReserved),
                check(v, "port_not_privileged", this::portNotPrivileged),
                v.layer() == Layer.LIBC ? null : check(v, "api_port_matches_kernel", this::apiPortMatchesKernel))
                .filter(c -> c != null));
    }

    /** Examples per layer property by default. */
    static final int PROPERTY_EXAMPLES = 100;

    /** One property per layer: any generated bind request yields an ephemeral port. */
    public Stream<Check> properties() {
        return Stream.of(Layer.values()).map(layer -> PropertyCheck.of(
                new CheckId(Family.BIND0, "generated_" + layer.id(), "port_is_ephemeral"), layer,
                "every generated bind(address, 0) yields a non-zero, unreserved port of the live range",
                Map.of("generator", "bindRequests"), SPECS, bench.properties(), PROPERTY_EXAMPLES,
                SocketGenerators.bindRequests(bench.facts(), layer, List.of(BindAddress.LOOPBACK, BindAddress.WILDCARD)),
                v -> List.of(v.shape().id()), (variant, trace) -> {
                    BoundSocket bound = BoundSocket.bindToPortZero(bench, variant, Role.CLIENT, trace);
                    if (!bound.bound()) {
                        return Judgement.broke(bound.bind().outcome(), "a port", variant + ": " + bound.whyUnbound());
                    }
                    return isEphemeral(variant, bound.port(), bench.facts());
                }));
    }

    /** Whether a port is what autobinding may hand out on this platform. */
    static Judgement isEphemeral(SocketVariant v, int port, PlatformFacts facts) {
        EphemeralRange range = facts.portRange();
        List<String> wrong = new java.util.ArrayList<>();
        if (port == 0) {
            wrong.add("port 0");
        }
        if (!range.contains(port)) {
            wrong.add("outside ip_local_port_range " + range);
        }
        if (facts.reservedPorts().contains(port)) {
            wrong.add("in ip_local_reserved_ports " + facts.reservedPorts());
        }
        if (!facts.isRoot() && port < facts.unprivilegedPortStart()) {
            wrong.add("below ip_unprivileged_port_start " + facts.unprivilegedPortStart());
        }
        return Judgement.check(wrong.isEmpty(), String.valueOf(port), "in " + range + ", not reserved",
                v + " [" + v.layer().id() + "]: bind(0) returned port " + port + ": " + String.join(", ", wrong));
    }

    private interface Claim {
        Judgement judge(SocketVariant v, BoundSocket bound, PlatformFacts facts);
    }

    private Check check(SocketVariant v, String name, Claim claim) {
        return new Check(new CheckId(Family.BIND0, v.name(), name), v.layer(), CLAIM, v.parameters(), SPECS, trace -> {
            v.requireSupported(bench.facts());
            BoundSocket bound = BoundSocket.bindToPortZero(bench, v, Role.CLIENT, trace);
            if (!bound.bound()) {
                return Judgement.broke(bound.bind().outcome(), "a port", v + ": " + bound.whyUnbound());
            }
            return claim.judge(v, bound, bench.facts());
        });
    }

    private Judgement portNonzero(SocketVariant v, BoundSocket bound, PlatformFacts facts) {
        return Judgement.check(bound.port() != 0, String.valueOf(bound.port()), "port != 0",
                v + " [" + v.layer().id() + "]: getsockname after bind(" + v.portZero() + ") still reports port 0");
    }

    private Judgement portInRange(SocketVariant v, BoundSocket bound, PlatformFacts facts) {
        EphemeralRange range = facts.portRange();
        return Judgement.check(range.contains(bound.port()), String.valueOf(bound.port()), "in " + range,
                v + " [" + v.layer().id() + "]: bind(0) returned port " + bound.port()
                        + ", outside ip_local_port_range " + range);
    }

    private Judgement portNotReserved(SocketVariant v, BoundSocket bound, PlatformFacts facts) {
        PreconditionUnmet.require(!facts.reservedPorts().isEmpty(),
                "ip_local_reserved_ports is empty: no reserved port to avoid");
        return Judgement.check(!facts.reservedPorts().contains(bound.port()), String.valueOf(bound.port()),
                "not in " + facts.reservedPorts(),
                v + " [" + v.layer().id() + "]: bind(0) returned reserved port " + bound.port()
                        + " (ip_local_reserved_ports " + facts.reservedPorts() + ")");
    }

    private Judgement portNotPrivileged(SocketVariant v, BoundSocket bound, PlatformFacts facts) {
        PreconditionUnmet.require(!facts.isRoot(), "the runner is root: privileged ports are allowed to it");
        return Judgement.check(bound.port() >= facts.unprivilegedPortStart(), String.valueOf(bound.port()),
                ">= " + facts.unprivilegedPortStart(),
                v + " [" + v.layer().id() + "]: uid " + facts.uid() + " got port " + bound.port()
                        + ", below ip_unprivileged_port_start " + facts.unprivilegedPortStart());
    }

    private Judgement apiPortMatchesKernel(SocketVariant v, BoundSocket bound, PlatformFacts facts) {
        Observation kernel = bound.socket().kernelSockname();
        if (!kernel.succeeded()) {
            return Judgement.broke(kernel.outcome(), String.valueOf(bound.port()),
                    v + ": the kernel's getsockname on the JDK socket failed: " + kernel);
        }
        return Judgement.check(kernel.port() == bound.port(),
                "api=" + bound.port() + " kernel=" + kernel.port(), "api == kernel",
                v + " [" + v.layer().id() + "]: the JDK reports port " + bound.port()
                        + " but the kernel's getsockname says " + kernel.endpoint());
    }
}
