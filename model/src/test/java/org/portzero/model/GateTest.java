package org.portzero.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GateTest {

    private static RecordedResult result(String id, Verdict verdict, String message) {
        return new RecordedResult(CheckId.parse(id), verdict, JsonNodeFactory.instance.objectNode().put("message", message));
    }

    @Test
    void failAndBrokenResultsAndBrokenPlatformsFailTheGateFlakyAndXpassAreListedOnly() {
        Gate.Decision d = Gate.of(List.of(
                new Gate.Platform("a", Optional.empty(), List.of(result("bind0.x.y", Verdict.PASS, ""),
                        result("bind0.x.z", Verdict.FAIL, "port 80\nsecond line"), result("unique.x.y", Verdict.FLAKY, "re-run"),
                        result("dualstack.x.y", Verdict.XPASS, "held"), result("bind0.x.w", Verdict.BROKEN, "setup"))),
                new Gate.Platform("b", Optional.of("no observations.json"), List.of())));
        assertThat(d.passes()).isFalse();
        assertThat(d.failures()).containsExactly("a: fail bind0.x.z — port 80 / second line", "a: broken bind0.x.w — setup",
                "b: platform broken: no observations.json");
        assertThat(d.flaky()).containsExactly("a: flaky unique.x.y — re-run");
        assertThat(d.xpass()).containsExactly("a: xpass dualstack.x.y — held");
    }

    @Test
    void passSkipXfailFlakyAndXpassPass() {
        Gate.Decision d = Gate.of(List.of(new Gate.Platform("a", Optional.empty(), List.of(
                result("bind0.x.y", Verdict.PASS, ""), result("bind0.x.z", Verdict.SKIP, "no IPv6"),
                result("bind0.x.w", Verdict.XFAIL, "known"), result("bind0.x.v", Verdict.FLAKY, ""),
                result("bind0.x.u", Verdict.XPASS, "")))));
        assertThat(d.passes()).isTrue();
    }
}
