package org.portzero.suites.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.portzero.model.CheckId;
import org.portzero.model.Family;
import org.portzero.model.PlatformFacts;
import org.portzero.model.PortSet;
import org.portzero.model.Verdict;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckExecution;
import org.portzero.suites.catalogue.CheckFamily;
import org.portzero.suites.catalogue.PropertySettings;
import org.portzero.suites.facts.PlatformFactsReader;
import org.portzero.suites.probe.Failure;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Operation;
import org.portzero.suites.probe.TamperedLayer;
import org.portzero.suites.probe.TamperedLayer.Tamper;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.CheckResult;
import org.portzero.suites.verdict.Expectations;

/**
 * Every mission check kind can fail: a table of negative cases, each a tampered layer (the real
 * kernel underneath, one answer rewritten) that breaks one claim, with the check ids that must be
 * judged {@code fail} for it (never {@code flaky} or {@code pass}), each run through
 * {@link CheckExecution#run}. {@link #everyMissionCheckKindHasANegativeCase()} proves the coverage
 * from the catalogue itself: the kinds of the ids in the table equal the kinds of the mission
 * families' checks.
 *
 * <p>A kind is {@code family.check}, with the properties ({@code generated_<layer>}) and the
 * unique family's {@code threads_<shape>_<layer>} variants counted apart from the scenario checks
 * of the same name: 27 kinds.
 */
class MissionNegativeCasesTest {

    private static final long SEED = 424242L;
    private static final int EXAMPLES = 20;
    static final List<Family> MISSION = List.of(Family.BIND0, Family.UNIQUE, Family.CONNECT0, Family.WILDCARD,
            Family.CONNECTED);

    /**
     * One negative case.
     *
     * @param tampering what the fake layer does, in words
     * @param layer     the layer replaced by the tampered one
     * @param shapes    which sockets it tampers with
     * @param tamper    the rewrite
     * @param facts     the platform facts the checks judge against (the real ones, or one sysctl changed)
     * @param ids       the check ids that must be judged {@code fail}
     */
    record NegativeCase(String tampering, Layer layer, java.util.function.Predicate<org.portzero.suites.probe.SocketShape> shapes,
                        Tamper tamper, Function<PlatformFacts, PlatformFacts> facts, List<String> ids) {

        static NegativeCase of(String tampering, Layer layer, Tamper tamper, String... ids) {
            return new NegativeCase(tampering, layer, s -> true, tamper, f -> f, List.of(ids));
        }

        NegativeCase onShapes(java.util.function.Predicate<org.portzero.suites.probe.SocketShape> which) {
            return new NegativeCase(tampering, layer, which, tamper, facts, ids);
        }

        NegativeCase withFacts(Function<PlatformFacts, PlatformFacts> changed) {
            return new NegativeCase(tampering, layer, shapes, tamper, changed, ids);
        }

        @Override
        public String toString() {
            return tampering + " -> " + ids;
        }
    }

    private static final Failure TIMED_OUT = new Failure(null, "ConnectException", "Connection timed out");

    /** The table: one row per tampering, every mission kind covered by at least one id. */
    static List<NegativeCase> table() {
        return List.of(
                // bind0
                NegativeCase.of("bind(0) leaves port 0", Layer.LIBC, TamperedLayer.portAlways(0),
                        "bind0.tcp4_loopback_libc.port_nonzero", "bind0.udp6_wildcard_libc.port_nonzero"),
                NegativeCase.of("bind(0) answers port 80, outside the range", Layer.LIBC, TamperedLayer.portAlways(80),
                        "bind0.tcp4_loopback_libc.port_in_range"),
                NegativeCase.of("bind(0) answers a reserved port", Layer.NIO, TamperedLayer.portAlways(40000),
                        "bind0.tcp4_loopback_nio.port_not_reserved")
                        .withFacts(f -> withReserved(f, PortSet.parse("40000"))),
                NegativeCase.of("a non-root runner gets a privileged port", Layer.SOCKET, TamperedLayer.portAlways(80),
                        "bind0.tcp4_loopback_socket.port_not_privileged")
                        .withFacts(MissionNegativeCasesTest::nonRoot),
                NegativeCase.of("the JDK reports another port than the kernel", Layer.NIO,
                        (op, o) -> o.layer() == Layer.NIO ? TamperedLayer.portAlways(33333).apply(op, o) : o,
                        "bind0.tcp4_loopback_nio.api_port_matches_kernel"),
                NegativeCase.of("bind(0) leaves port 0, any generated request", Layer.SOCKET, TamperedLayer.portAlways(0),
                        "bind0.generated_socket.port_is_ephemeral"),
                // unique
                NegativeCase.of("every bind(0) answers one port", Layer.LIBC, TamperedLayer.portAlways(40000),
                        "unique.tcp4_loopback_libc.ports_distinct", "unique.generated_libc.ports_distinct",
                        "unique.threads_udp4_loopback_libc.ports_distinct"),
                NegativeCase.of("UDP bind to a port held only by TCP is refused: one port space", Layer.LIBC,
                        TamperedLayer.bindFails(new Failure("EADDRINUSE", null, "Address already in use")),
                        "unique.tcp_udp_loopback_libc.port_spaces_independent")
                        .onShapes(s -> s.transport() == Transport.UDP),
                NegativeCase.of("every socket holding a port answers 45000", Layer.LIBC,
                        (op, o) -> op == Operation.GETSOCKNAME && o.port() > 0 ? TamperedLayer.portAlways(45000).apply(op, o) : o,
                        "unique.sequence_libc.port_table_holds"),
                NegativeCase.of("a bind over TIME_WAIT succeeds", Layer.LIBC, TamperedLayer.refusedBindSucceeds(),
                        "unique.timewait_tcp4_libc.blocks_exact_bind"),
                // connect0
                NegativeCase.of("connect to port 0 succeeds", Layer.NIO, TamperedLayer.connectSucceeds(),
                        "connect0.tcp4_loopback_connect_nio.refused_by_kernel",
                        "connect0.udp4_loopback_connect_nio.refused_by_jdk"),
                NegativeCase.of("connect to port 0 times out instead of being refused", Layer.NIO,
                        TamperedLayer.connectFails(TIMED_OUT), "connect0.tcp4_loopback_connect_nio.refused_by_kernel",
                        "connect0.tcp6_wildcard_connect_nio.refused_by_kernel"),
                NegativeCase.of("connect to port 0 times out instead of being refused", Layer.SOCKET,
                        TamperedLayer.connectFails(TIMED_OUT), "connect0.tcp46_loopback_connect_socket.refused_by_kernel"),
                NegativeCase.of("connect to port 0: network unreachable", Layer.ASYNC,
                        TamperedLayer.connectFails(new Failure(null, "ConnectException", "Network is unreachable")),
                        "connect0.tcp4_loopback_connect_async.refused_by_kernel"),
                NegativeCase.of("connect to port 0 times out (kernel)", Layer.LIBC,
                        TamperedLayer.connectFails(new Failure("ETIMEDOUT", null, "Connection timed out")),
                        "connect0.tcp4_loopback_connect_libc.refused_by_kernel"),
                NegativeCase.of("the kernel refuses a UDP connect to port 0", Layer.LIBC,
                        TamperedLayer.connectFails(new Failure("ECONNREFUSED", null, "Connection refused")),
                        "connect0.udp4_loopback_connect_libc.accepted_by_kernel"),
                NegativeCase.of("a channel whose connect failed still says it is open", Layer.NIO,
                        TamperedLayer.stateSays("open=true connected=false"),
                        "connect0.tcp4_loopback_connect_nio.state_after_call"),
                NegativeCase.of("a descriptor is left after the JDK's refused connect", Layer.SOCKET,
                        TamperedLayer.kernelSocknameIs(org.portzero.suites.probe.Observation.ok(Layer.LIBC,
                                Operation.GETSOCKNAME, "s1", "fd", new org.portzero.suites.probe.Endpoint("0.0.0.0", 0,
                                        "inet", true, false))),
                        "connect0.tcp4_loopback_connect_socket.state_after_call"),
                NegativeCase.of("the JDK's refused UDP connect left the socket bound", Layer.NIO,
                        TamperedLayer.kernelPortAlways(40000), "connect0.udp4_loopback_connect_nio.state_after_call"),
                NegativeCase.of("libc sendto to port 0 did not autobind", Layer.LIBC, TamperedLayer.portAlways(0),
                        "connect0.udp4_loopback_send_libc.state_after_call"),
                // wildcard
                NegativeCase.of("getsockname answers a specific address", Layer.ASYNC,
                        TamperedLayer.sockname("10.1.2.3", false), "wildcard.tcp4_wildcard_async.reports_wildcard"),
                NegativeCase.of("getsockname answers the other family's wildcard", Layer.NIO,
                        TamperedLayer.wildcardOfTheOtherFamily(), "wildcard.tcp4_wildcard_nio.reports_wildcard",
                        "wildcard.udp4_wildcard_nio.reports_wildcard", "wildcard.tcp6_wildcard_nio.reports_wildcard",
                        "wildcard.udp46_wildcard_nio.reports_wildcard",
                        "wildcard.tcp4_wildcard_nio.kernel_reports_family_wildcard",
                        "wildcard.tcp46_wildcard_nio.kernel_reports_family_wildcard",
                        "wildcard.generated_nio.reports_wildcard"),
                NegativeCase.of("only the kernel answers the other family's wildcard", Layer.SOCKET,
                        (op, o) -> o.layer() == Layer.LIBC ? TamperedLayer.wildcardOfTheOtherFamily().apply(op, o) : o,
                        "wildcard.tcp4_wildcard_socket.kernel_reports_family_wildcard",
                        "wildcard.udp6_wildcard_socket.kernel_reports_family_wildcard"),
                NegativeCase.of("an AF_INET listener reports ::", Layer.LIBC, TamperedLayer.wildcardOfTheOtherFamily(),
                        "wildcard.tcp4_wildcard_libc.unchanged_by_listen", "wildcard.tcp4_wildcard_libc.reports_wildcard"),
                NegativeCase.of("an unbound socket reports a port", Layer.LIBC, TamperedLayer.portAlways(40000),
                        "wildcard.udp4_wildcard_libc.unbound_reports_port_zero"),
                NegativeCase.of("the kernel reports a port for an unbound channel", Layer.NIO,
                        TamperedLayer.kernelPortAlways(40000), "wildcard.tcp6_wildcard_nio.unbound_reports_port_zero"),
                // connected
                NegativeCase.of("getsockname answers the wildcard", Layer.LIBC, TamperedLayer.sockname("0.0.0.0", true),
                        "connected.tcp_loopback4_libc.accepted_local_is_target",
                        "connected.tcp_other127_libc.client_local_specific",
                        "connected.udp_loopback4_libc.client_local_specific"),
                NegativeCase.of("getpeername answers another address", Layer.NIO, TamperedLayer.peername("127.0.0.9"),
                        "connected.tcp_loopback4_nio.client_local_is_server_peer",
                        "connected.tcp_loopback4_nio.server_local_is_client_peer"),
                NegativeCase.of("the kernel reports a dual-stack listener's IPv4 client unmapped", Layer.NIO,
                        TamperedLayer.kernelSocknameIs(org.portzero.suites.probe.Observation.ok(Layer.LIBC,
                                Operation.GETSOCKNAME, "s1", "fd", new org.portzero.suites.probe.Endpoint("127.0.0.1", 1,
                                        "inet", false, false))),
                        "connected.tcp_dual_nio.v4_mapped_form"),
                NegativeCase.of("the kernel keeps a bind(0) port after disconnect", Layer.LIBC,
                        TamperedLayer.portAlways(40000), "connected.udp4_disconnect_libc.local_after_disconnect"));
    }

    private static Bench bench(NegativeCase c) {
        PlatformFacts facts = c.facts().apply(new PlatformFactsReader().read());
        return new Bench(facts, Bench.realLayers(), Expectations.none(), new PropertySettings(SEED, EXAMPLES))
                .withLayer(new TamperedLayer(Bench.realLayers().get(c.layer()), c.shapes(), c.tamper()));
    }

    @TestFactory
    Stream<DynamicTest> eachTamperedClaimIsJudgedFail() {
        return table().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> judgedFail(c)));
    }

    private static void judgedFail(NegativeCase c) {
        Bench bench = bench(c);
        Map<String, Check> byId = MISSION.stream().flatMap(f -> CheckFamily.of(f).checks(bench))
                .filter(check -> c.ids().contains(check.id().toString()))
                .collect(Collectors.toMap(check -> check.id().toString(), check -> check));
        assertThat(byId.keySet()).as("ids of this case in the catalogue").containsExactlyInAnyOrderElementsOf(c.ids());
        for (String id : c.ids()) {
            CheckResult r = CheckExecution.run(byId.get(id), bench.facts(), bench.expectations());
            assertThat(r.verdict()).as(c.tampering() + ": " + id + ": " + r.message()).isEqualTo(Verdict.FAIL);
            assertThat(r.message()).as(id + ": the message names the layer").contains(r.layer());
        }
    }

    private static final Failure NO_DESCRIPTOR = new Failure(null, org.portzero.suites.probe.ProbeSocket.NO_DESCRIPTOR,
            "tampered: no descriptor found");

    /**
     * Blind spots: a setup step failed or the harness cannot see what it must judge. Each is
     * {@code broken}, never a pass (before, each of these passed).
     */
    static List<NegativeCase> blindSpots() {
        return List.of(
                NegativeCase.of("the TCP bind(0) fails, so no TCP port is live", Layer.LIBC,
                        TamperedLayer.bindFails(new Failure("EADDRINUSE", null, "Address already in use")),
                        "unique.tcp_udp_loopback_libc.port_spaces_independent")
                        .onShapes(s -> s.transport() == Transport.TCP),
                NegativeCase.of("the descriptor of an open channel cannot be read after a UDP connect to port 0",
                        Layer.NIO, TamperedLayer.kernelSocknameIs(org.portzero.suites.probe.Observation.failed(Layer.LIBC,
                                Operation.GETSOCKNAME, "s1", "fd", NO_DESCRIPTOR)),
                        "connect0.udp4_loopback_connect_nio.state_after_call"),
                NegativeCase.of("neither a descriptor nor a sign of closing after a refused TCP connect", Layer.SOCKET,
                        TamperedLayer.kernelSocknameIs(org.portzero.suites.probe.Observation.failed(Layer.LIBC,
                                Operation.GETSOCKNAME, "s1", "fd", NO_DESCRIPTOR)),
                        "connect0.tcp4_loopback_connect_socket.state_after_call"),
                NegativeCase.of("the descriptor of an unbound channel cannot be read", Layer.NIO,
                        TamperedLayer.kernelSocknameIs(org.portzero.suites.probe.Observation.failed(Layer.LIBC,
                                Operation.GETSOCKNAME, "s1", "fd", NO_DESCRIPTOR)),
                        "wildcard.tcp4_wildcard_nio.unbound_reports_port_zero"));
    }

    @TestFactory
    Stream<DynamicTest> whatCannotBeSeenIsBrokenNeverAPass() {
        return blindSpots().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> judgedBroken(c)));
    }

    private static void judgedBroken(NegativeCase c) {
        Bench bench = bench(c);
        List<Check> checks = MISSION.stream().flatMap(f -> CheckFamily.of(f).checks(bench))
                .filter(check -> c.ids().contains(check.id().toString())).collect(Collectors.toList());
        assertThat(checks).hasSameSizeAs(c.ids());
        for (Check check : checks) {
            CheckResult r = CheckExecution.run(check, bench.facts(), bench.expectations());
            assertThat(r.verdict()).as(c.tampering() + ": " + check.id() + ": " + r.message()).isEqualTo(Verdict.BROKEN);
            assertThat(r.message()).contains("failed: ");
        }
    }

    /** The kind of a check: family.check, properties and threads counted apart. */
    static String kindOf(CheckId id) {
        String kind = id.family().id() + "." + id.check();
        if (id.variant().startsWith("generated_")) {
            return kind + " [property]";
        }
        if (id.variant().startsWith("threads_")) {
            return kind + " [threads]";
        }
        return kind;
    }

    @Test
    void everyMissionCheckKindHasANegativeCase() {
        Bench bench = new Bench(new PlatformFactsReader().read(), Bench.realLayers(), Expectations.none(),
                new PropertySettings(SEED, EXAMPLES));
        Set<String> catalogue = MISSION.stream().flatMap(f -> CheckFamily.of(f).checks(bench))
                .map(check -> kindOf(check.id())).collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = table().stream().flatMap(c -> c.ids().stream()).map(CheckId::parse)
                .map(MissionNegativeCasesTest::kindOf).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(catalogue);
        missing.removeAll(covered);
        Set<String> unknown = new TreeSet<>(covered);
        unknown.removeAll(catalogue);
        assertThat(missing).as("mission check kinds without a negative case").isEmpty();
        assertThat(unknown).as("kinds in the table that the catalogue does not have").isEmpty();
        assertThat(catalogue).as("the mission's check kinds").hasSize(27);
    }

    private static PlatformFacts withReserved(PlatformFacts f, PortSet reserved) {
        return new PlatformFacts(f.kernel(), f.portRange(), reserved, f.unprivilegedPortStart(), f.bindV6Only(),
                f.ipv6Available(), f.ipv6Loopback(), f.uid(), f.distro(), f.javaVendor(), f.javaVersion(),
                f.javaVmVersion(), f.javaNetProperties(), f.mptcp());
    }

    /** A runner of uid 1000 where ports below 1024 are privileged. */
    private static PlatformFacts nonRoot(PlatformFacts f) {
        return new PlatformFacts(f.kernel(), f.portRange(), f.reservedPorts(), 1024, f.bindV6Only(),
                f.ipv6Available(), f.ipv6Loopback(), 1000, f.distro(), f.javaVendor(), f.javaVersion(),
                f.javaVmVersion(), f.javaNetProperties(), f.mptcp());
    }
}
