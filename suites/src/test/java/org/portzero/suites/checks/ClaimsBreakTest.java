package org.portzero.suites.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.portzero.model.Verdict;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckExecution;
import org.portzero.suites.catalogue.PropertySettings;
import org.portzero.suites.checks.bind0.Bind0Checks;
import org.portzero.suites.checks.connect0.Connect0Checks;
import org.portzero.suites.checks.connected.ConnectedChecks;
import org.portzero.suites.checks.unique.UniqueChecks;
import org.portzero.suites.checks.wildcard.WildcardChecks;
import org.portzero.suites.facts.PlatformFactsReader;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Operation;
import org.portzero.suites.probe.TamperedLayer;
import org.portzero.suites.verdict.CheckResult;
import org.portzero.suites.verdict.Expectations;

/**
 * Each family's checks fail when the claim they guard is broken: a layer that answers a wrong
 * port, the same port twice, a specific address for a wildcard, or success for a port-0 connect.
 * The real kernel is under every tampered layer; only its answers are rewritten.
 */
class ClaimsBreakTest {

    private static final long SEED = 424242L;

    private static Bench bench(TamperedLayer layer) {
        return new Bench(new PlatformFactsReader().read(), Bench.realLayers(), Expectations.none(),
                new PropertySettings(SEED, 50)).withLayer(layer);
    }

    private static List<CheckResult> run(Bench bench, Stream<Check> checks, String idPart) {
        return checks.filter(c -> c.id().toString().contains(idPart))
                .map(c -> CheckExecution.run(c, bench.facts(), bench.expectations()))
                .collect(Collectors.toList());
    }

    private static void assertAllFail(List<CheckResult> results, String mentions) {
        assertThat(results).isNotEmpty();
        assertThat(results).allSatisfy(r -> {
            assertThat(r.verdict()).as(r.id() + ": " + r.message()).isEqualTo(Verdict.FAIL);
            assertThat(r.message()).contains(r.variant()).contains(mentions);
        });
    }

    @Test
    void bind0FailsWhenTheLayerAnswersAPortOutsideTheRange() {
        Bench bench = bench(new TamperedLayer(Bench.realLayers().get(Layer.LIBC), TamperedLayer.portAlways(80)));
        List<CheckResult> results = run(bench, new Bind0Checks(bench).checks(), "_libc.port_in_range");
        assertAllFail(results, "port 80");
        // The outcome names the port port-free and says what is wrong with it; the figures keep the number.
        assertThat(results).allSatisfy(r -> {
            assertThat(r.observed()).isEqualTo("P1 outside ip_local_port_range");
            assertThat(r.figures()).startsWith("port 80, ip_local_port_range ");
        });
    }

    @Test
    void bind0FailsWhenTheJdkAndTheKernelDisagreeOnThePort() {
        TamperedLayer apiLies = new TamperedLayer(Bench.realLayers().get(Layer.NIO),
                (op, o) -> o.layer() == Layer.NIO ? TamperedLayer.portAlways(33333).apply(op, o) : o);
        Bench bench = bench(apiLies);
        List<CheckResult> results = run(bench, new Bind0Checks(bench).checks(), "_nio.api_port_matches_kernel");
        assertAllFail(results, "33333");
        assertThat(results).allSatisfy(r -> assertThat(r.observed()).isEqualTo("api=P1 kernel=P2"));
    }

    @Test
    void connectedFailsWhenTheAcceptedSocketReportsAnotherPort() {
        // s1 listens, s2 connects, s3 is accepted: only s3's getsockname lies, one port above the truth.
        TamperedLayer acceptedElsewhere = new TamperedLayer(Bench.realLayers().get(Layer.NIO), (op, o) ->
                op == Operation.GETSOCKNAME && o.socket().equals("s3") && o.endpoint() != null
                        ? TamperedLayer.portAlways(o.endpoint().port() + 1).apply(op, o) : o);
        Bench bench = bench(acceptedElsewhere);
        List<CheckResult> results = run(bench, new ConnectedChecks(bench).checks(), "tcp_loopback4_nio.accepted_local_is_target");
        assertAllFail(results, "the client targeted 127.0.0.1:");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.observed()).isEqualTo("127.0.0.1:P2");
            assertThat(r.expected()).isEqualTo("127.0.0.1:P1");
        });
    }

    @Test
    void bind0PropertyFailsWithTheSeedAndARecipe() {
        Bench bench = bench(new TamperedLayer(Bench.realLayers().get(Layer.SOCKET), TamperedLayer.portAlways(0)));
        List<CheckResult> results = run(bench, new Bind0Checks(bench).properties(), "generated_socket");
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.seed()).isEqualTo(SEED);
            assertThat(r.message()).contains("-Dportzero.seed=" + SEED).contains("[socket] socket(").contains("bind(");
            assertThat(r.message()).as("the replay advice is a Maven command for this check alone")
                    .contains("replay: mvn -B verify -pl containers -am -Dmaven.test.skip=true -Dportzero.platforms=host -Dportzero.checks="
                            + r.id() + " -Dportzero.seed=" + SEED);
            assertThat(r.observations()).isNotEmpty();
        });
    }

    @Test
    void uniqueFailsWhenTheLayerHandsOutOnePortTwice() {
        Bench bench = bench(new TamperedLayer(Bench.realLayers().get(Layer.LIBC), TamperedLayer.portAlways(40000)));
        assertAllFail(run(bench, new UniqueChecks(bench).checks(), "_libc.ports_distinct"), "share ports: 40000");
        List<CheckResult> property = run(bench, new UniqueChecks(bench).properties(), "generated_libc");
        assertThat(property).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            // Shrinking reaches the smallest crowd that can collide: two sockets.
            assertThat(r.message()).contains("smallest example: 2 x {");
        });
    }

    @Test
    void wildcardFailsWhenGetsocknameAnswersASpecificAddress() {
        Function<Layer, TamperedLayer> specific = l ->
                new TamperedLayer(Bench.realLayers().get(l), TamperedLayer.sockname("10.1.2.3", false));
        Bench bench = bench(specific.apply(Layer.ASYNC));
        assertAllFail(run(bench, new WildcardChecks(bench).checks(), "_async.reports_wildcard"), "10.1.2.3");
    }

    @Test
    void connect0FailsWhenAPortZeroConnectSucceeds() {
        Bench bench = bench(new TamperedLayer(Bench.realLayers().get(Layer.NIO), TamperedLayer.connectSucceeds()));
        assertAllFail(run(bench, new Connect0Checks(bench).checks(), "tcp4_loopback_connect_nio.refused_by_kernel"),
                "ok");
        assertAllFail(run(bench, new Connect0Checks(bench).checks(), "udp4_loopback_connect_nio.refused_by_jdk"),
                "ok");
    }

    @Test
    void connectedFailsWhenTheAcceptedSocketReportsTheWildcard() {
        Bench bench = bench(new TamperedLayer(Bench.realLayers().get(Layer.LIBC), TamperedLayer.sockname("0.0.0.0", true)));
        assertAllFail(run(bench, new ConnectedChecks(bench).checks(), "tcp_loopback4_libc.accepted_local_is_target"),
                "0.0.0.0");
        assertAllFail(run(bench, new ConnectedChecks(bench).checks(), "tcp_other127_libc.client_local_specific"),
                "0.0.0.0");
    }
}
