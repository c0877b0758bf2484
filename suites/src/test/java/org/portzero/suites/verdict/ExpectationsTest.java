package org.portzero.suites.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.portzero.model.CheckId;
import org.portzero.model.EphemeralRange;
import org.portzero.model.Family;
import org.portzero.model.MalformedInput;
import org.portzero.model.PlatformFacts;
import org.portzero.model.PortSet;
import org.portzero.model.Verdict;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckExecution;
import org.portzero.suites.probe.Layer;

/** Known deviations: loading, validation with file/line/field, matching on facts, xfail and xpass. */
class ExpectationsTest {

    private static PlatformFacts platform(String kernel, String java, boolean ipv6) {
        return new PlatformFacts(kernel, new EphemeralRange(32768, 60999), PortSet.empty(), 1024, 0, ipv6, ipv6, 1000,
                "Debian GNU/Linux 13 (trixie)", "Debian", java, java, Map.of(), null);
    }

    private static final String YAML = """
            - check: connect0.udp4_*_send_libc.refused_by_kernel
              when:
                kernel: ">=6.1 <6.3"
                jdk: "<21"
              observed: ok
              reason: a made-up regression for this test
              link: https://example.org/bug/1
            - check: bind0.tcp6_loopback_nio.port_in_range
              when:
                ipv6: false
              observed: ok
              reason: another
              link: man:ip(7)
            """;

    @Test
    void matchesOnKernelAndJdkRanges() {
        Expectations e = Expectations.parse(YAML, "expectations/test.yaml");
        String id = "connect0.udp4_loopback_send_libc.refused_by_kernel";
        assertThat(e.find(id, platform("6.1.0-28-cloud-amd64", "17.0.15", true))).isPresent();
        assertThat(e.find(id, platform("6.3.1", "17.0.15", true))).isEmpty();
        assertThat(e.find(id, platform("6.1.0", "21.0.5", true))).isEmpty();
        assertThat(e.find("connect0.udp4_loopback_send_libc.state_after_call", platform("6.1.0", "17", true))).isEmpty();
        assertThat(e.find("bind0.tcp6_loopback_nio.port_in_range", platform("6.18.44", "25", false))).isPresent();
    }

    @Test
    void theNamedDeviationIsXfailAnotherIsFailAndAPassIsXpass() {
        Expectations e = Expectations.parse("""
                - check: bind0.fake_row_libc.*
                  when: {ipv6: true}
                  observed: ok
                  reason: known deviation for the test
                  link: JDK-8240533
                """, "t.yaml");
        PlatformFacts facts = platform("6.18.44", "17.0.15", true);
        Check named = fake("port_in_range", false, "ok");
        Check other = fake("port_not_reserved", false, "EADDRINUSE");
        Check passing = fake("port_nonzero", true, "EINVAL");
        CheckResult x = CheckExecution.run(named, facts, e);
        assertThat(x.verdict()).isEqualTo(Verdict.XFAIL);
        assertThat(x.reason()).isEqualTo("known deviation for the test");
        assertThat(x.link()).isEqualTo("JDK-8240533");
        CheckResult f = CheckExecution.run(other, facts, e);
        assertThat(f.verdict()).as("a deviation other than the one named").isEqualTo(Verdict.FAIL);
        assertThat(f.message()).contains("a known deviation is expected here, observed 'ok'").contains("another: 'EADDRINUSE'");
        assertThat(CheckExecution.run(passing, facts, e).verdict()).isEqualTo(Verdict.XPASS);
        assertThat(CheckExecution.run(named, facts, Expectations.none()).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(CheckExecution.run(named, platform("6.18.44", "17.0.15", false), e).verdict())
                .as("where the condition does not hold").isEqualTo(Verdict.FAIL);
    }

    @Test
    void anExpectationMustNameItsConditionAndItsOutcome() {
        assertThatThrownBy(() -> Expectations.parse("""
                - check: bind0.a.b
                  observed: ok
                  reason: r
                  link: https://x.org
                """, "e.yaml")).isInstanceOf(MalformedInput.class).hasMessageContaining("e.yaml:1:")
                .hasMessageContaining("when is required");
        assertThatThrownBy(() -> Expectations.parse("""
                - check: bind0.a.b
                  when: {}
                  observed: ok
                  reason: r
                  link: https://x.org
                """, "e.yaml")).hasMessageContaining("must name a condition");
        assertThatThrownBy(() -> Expectations.parse("""
                - check: bind0.a.b
                  when: {kernel: ">=6.1"}
                  reason: r
                  link: https://x.org
                """, "e.yaml")).hasMessageContaining("observed is required");
    }

    @Test
    void preconditionsSkipAndHarnessFaultsAreBroken() {
        PlatformFacts facts = platform("6.18.44", "17.0.15", true);
        Check skipped = new Check(new CheckId(Family.BIND0, "fake_row_libc", "skips"), Layer.LIBC, "c", Map.of(),
                List.of(), trace -> {
                    PreconditionUnmet.require(false, "no IPv6 here");
                    return null;
                });
        Check broken = new Check(new CheckId(Family.BIND0, "fake_row_libc", "breaks"), Layer.LIBC, "c", Map.of(),
                List.of(), trace -> {
                    throw new IllegalStateException("boom");
                });
        CheckResult s = CheckExecution.run(skipped, facts, Expectations.none());
        assertThat(s.verdict()).isEqualTo(Verdict.SKIP);
        assertThat(s.message()).isEqualTo("no IPv6 here");
        CheckResult b = CheckExecution.run(broken, facts, Expectations.none());
        assertThat(b.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(b.message()).contains("boom");
    }

    private static Check fake(String name, boolean holds, String observed) {
        return new Check(new CheckId(Family.BIND0, "fake_row_libc", name), Layer.LIBC, "claim", Map.of(), List.of(),
                trace -> Judgement.check(holds, observed, "expected", "message"));
    }

    @Test
    void unknownFieldNamesFileLineAndField() {
        String bad = """
                - check: bind0.a.b
                  wehn:
                    kernel: ">=6"
                  observed: ok
                  reason: r
                  link: https://x.org
                """;
        assertThatThrownBy(() -> Expectations.parse(bad, "expectations/bad.yaml"))
                .isInstanceOf(MalformedInput.class)
                .hasMessageContaining("expectations/bad.yaml")
                .hasMessageContaining("bad.yaml:2:")
                .hasMessageContaining("wehn");
    }

    @Test
    void wrongTypeAndBadValuesAreRefusedWithTheLine() {
        assertThatThrownBy(() -> Expectations.parse("""
                - check: bind0.a.b
                  when:
                    bindv6only: yes please
                  observed: ok
                  reason: r
                  link: https://x.org
                """, "e.yaml")).isInstanceOf(MalformedInput.class).hasMessageContaining("e.yaml:3:")
                .hasMessageContaining("bindv6only");
        assertThatThrownBy(() -> Expectations.parse("""
                - check: Bind0.A
                  observed: ok
                  reason: r
                  link: https://x.org
                """, "e.yaml")).hasMessageContaining("e.yaml").hasMessageContaining("family.variant.check");
        assertThatThrownBy(() -> Expectations.parse("""
                - check: bind0.a.b
                  observed: ok
                  reason: r
                  link: see the wiki
                """, "e.yaml")).hasMessageContaining("link");
        assertThatThrownBy(() -> Expectations.parse("""
                - check: bind0.a.b
                  when: {kernel: "about six"}
                  observed: ok
                  reason: r
                  link: https://x.org
                """, "e.yaml")).hasMessageContaining("not a version comparison");
        assertThatThrownBy(() -> Expectations.parse("- check: [unclosed", "e.yaml"))
                .isInstanceOf(MalformedInput.class).hasMessageMatching("(?s)e\\.yaml:1:.*");
    }

    @Test
    void theBundledExpectationsLoad() {
        assertThat(Expectations.loadBundled().entries()).isNotNull();
    }

    @Test
    void versionRangesCompareNumerically() {
        assertThat(VersionRange.parse(">=6.1 <6.3").contains("6.1.0-28-cloud-amd64")).isTrue();
        assertThat(VersionRange.parse(">=6.1 <6.3").contains("6.12.1")).isFalse();
        assertThat(VersionRange.parse("<6.10").contains("6.9.7")).isTrue();
        assertThat(VersionRange.parse("17").contains("17.0.15")).isTrue();
        assertThat(VersionRange.parse("17").contains("21.0.1")).isFalse();
        assertThat(VersionRange.parse(">=25").contains("25")).isTrue();
    }
}
