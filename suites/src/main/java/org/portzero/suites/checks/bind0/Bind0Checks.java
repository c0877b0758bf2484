package org.portzero.suites.checks.bind0;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.portzero.model.CheckId;
import org.portzero.model.EphemeralRange;
import org.portzero.model.Family;
import org.portzero.model.PlatformFacts;
import org.portzero.model.PortNames;
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

    /**
     * The ways a port from bind(0) can fail to be ephemeral on this platform. An outcome names the
     * port port-free ({@link PortNames}: {@code 0} or {@code P1}) followed by the faults the check
     * judges, without the sysctls' values, so one behaviour has one outcome on every platform; the
     * message and the figures keep the numbers.
     */
    enum PortFault {
        /** Named by the port itself: {@code 0}. */
        ZERO(null),
        OUTSIDE_RANGE("outside " + EphemeralRange.SYSCTL),
        RESERVED("in ip_local_reserved_ports"),
        PRIVILEGED("below ip_unprivileged_port_start");

        private final String words;

        PortFault(String words) {
            this.words = words;
        }

        boolean of(int port, PlatformFacts facts) {
            return switch (this) {
                case ZERO -> port == 0;
                case OUTSIDE_RANGE -> !facts.portRange().contains(port);
                case RESERVED -> facts.reservedPorts().contains(port);
                case PRIVILEGED -> !facts.isRoot() && port < facts.unprivilegedPortStart();
            };
        }

        /** The fault with the sysctl's value, for a message. */
        String spelled(PlatformFacts facts) {
            return switch (this) {
                case ZERO -> "port 0";
                case OUTSIDE_RANGE -> words + " " + facts.portRange();
                case RESERVED -> words + " " + facts.reservedPorts();
                case PRIVILEGED -> words + " " + facts.unprivilegedPortStart();
            };
        }

        /** {@code P1}, {@code 0}, {@code P1 outside ip_local_port_range}: the port and which of {@code judged} it breaks. */
        static String outcome(int port, PlatformFacts facts, Set<PortFault> judged) {
            StringBuilder b = new StringBuilder(new PortNames().name(port));
            for (PortFault f : judged) {
                if (f.words != null && f.of(port, facts)) {
                    b.append(b.indexOf(" ") < 0 ? " " : ", ").append(f.words);
                }
            }
            return b.toString();
        }
    }

    /** Whether a port is what autobinding may hand out on this platform. */
    static Judgement isEphemeral(SocketVariant v, int port, PlatformFacts facts) {
        EphemeralRange range = facts.portRange();
        Set<PortFault> all = EnumSet.allOf(PortFault.class);
        List<String> wrong = all.stream().filter(f -> f.of(port, facts)).map(f -> f.spelled(facts)).toList();
        return Judgement.check(wrong.isEmpty(), PortFault.outcome(port, facts, all), "in " + range + ", not reserved",
                v + " [" + v.layer().id() + "]: bind(0) returned port " + port + ": " + String.join(", ", wrong))
                .withFigures("port " + port);
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
        return Judgement.check(bound.port() != 0, PortFault.outcome(bound.port(), facts, EnumSet.of(PortFault.ZERO)),
                "port != 0",
                v + " [" + v.layer().id() + "]: getsockname after bind(" + v.portZero() + ") still reports port 0")
                .withFigures("port " + bound.port());
    }

    private Judgement portInRange(SocketVariant v, BoundSocket bound, PlatformFacts facts) {
        EphemeralRange range = facts.portRange();
        return Judgement.check(range.contains(bound.port()),
                PortFault.outcome(bound.port(), facts, EnumSet.of(PortFault.OUTSIDE_RANGE)), "in " + range,
                v + " [" + v.layer().id() + "]: bind(0) returned port " + bound.port()
                        + ", outside ip_local_port_range " + range)
                .withFigures("port " + bound.port() + ", ip_local_port_range " + range);
    }

    private Judgement portNotReserved(SocketVariant v, BoundSocket bound, PlatformFacts facts) {
        PreconditionUnmet.require(!facts.reservedPorts().isEmpty(),
                "ip_local_reserved_ports is empty: no reserved port to avoid");
        return Judgement.check(!facts.reservedPorts().contains(bound.port()),
                PortFault.outcome(bound.port(), facts, EnumSet.of(PortFault.RESERVED)),
                "not in " + facts.reservedPorts(),
                v + " [" + v.layer().id() + "]: bind(0) returned reserved port " + bound.port()
                        + " (ip_local_reserved_ports " + facts.reservedPorts() + ")")
                .withFigures("port " + bound.port() + ", ip_local_reserved_ports " + facts.reservedPorts());
    }

    private Judgement portNotPrivileged(SocketVariant v, BoundSocket bound, PlatformFacts facts) {
        PreconditionUnmet.require(!facts.isRoot(), "the runner is root: privileged ports are allowed to it");
        return Judgement.check(bound.port() >= facts.unprivilegedPortStart(),
                PortFault.outcome(bound.port(), facts, EnumSet.of(PortFault.PRIVILEGED)),
                ">= " + facts.unprivilegedPortStart(),
                v + " [" + v.layer().id() + "]: uid " + facts.uid() + " got port " + bound.port()
                        + ", below ip_unprivileged_port_start " + facts.unprivilegedPortStart())
                .withFigures("port " + bound.port() + ", ip_unprivileged_port_start " + facts.unprivilegedPortStart());
    }

    private Judgement apiPortMatchesKernel(SocketVariant v, BoundSocket bound, PlatformFacts facts) {
        Observation kernel = bound.socket().kernelSockname();
        if (!kernel.succeeded()) {
            return Judgement.broke(kernel.outcome(), "api == kernel",
                    v + ": the kernel's getsockname on the JDK socket failed: " + kernel);
        }
        PortNames ports = new PortNames();
        return Judgement.check(kernel.port() == bound.port(),
                "api=" + ports.name(bound.port()) + " kernel=" + ports.name(kernel.port()), "api == kernel",
                v + " [" + v.layer().id() + "]: the JDK reports port " + bound.port()
                        + " but the kernel's getsockname says " + kernel.endpoint())
                .withFigures("api=" + bound.port() + " kernel=" + kernel.port());
    }
}
