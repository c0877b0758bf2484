package org.portzero.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void verdictsHaveOneSpellingAndOneOrder() {
        assertThat(Verdict.spellings()).isEqualTo("pass, fail, xfail, xpass, flaky, skip, broken");
        assertThat(Verdict.parse("XFAIL")).contains(Verdict.XFAIL);
        assertThat(Arrays.stream(Verdict.values()).filter(Verdict::failsTheGate)).containsExactly(Verdict.FAIL, Verdict.BROKEN);
    }

    @Test
    void aLabelledMessageIsRecognisedByItsOwnVerdictOnly() {
        String skip = Verdict.SKIP.labelled("no IPv6\non this platform");
        assertThat(skip).matches(Verdict.SKIP.labelPattern());
        assertThat(skip).doesNotMatch(Verdict.XFAIL.labelPattern()).doesNotMatch(Verdict.FLAKY.labelPattern());
        assertThat(Verdict.XFAIL.labelled("known deviation: r https://x.org")).matches(Verdict.XFAIL.labelPattern())
                .doesNotMatch(Verdict.SKIP.labelPattern());
    }

    @Test
    void checkIdsRoundTrip() {
        CheckId id = CheckId.parse("unique.tcp4_loopback_nio.ports_distinct");
        assertThat(id.family()).isEqualTo(Family.UNIQUE);
        assertThat(id).hasToString("unique.tcp4_loopback_nio.ports_distinct");
        assertThatThrownBy(() -> CheckId.parse("bind0.Tcp4.x")).hasMessageContaining("snake_case");
        assertThatThrownBy(() -> CheckId.parse("nope.a.b")).hasMessageContaining("unknown family 'nope' (families: bind0, unique");
    }

    @Test
    void familiesThatUseUpTheRangeRunFirstAndTheOneLeavingTimeWaitLast() {
        List<Family> order = Family.runOrder(List.of(Family.values()));
        assertThat(order.subList(0, 2)).containsExactly(Family.EXHAUST, Family.RESERVED);
        assertThat(order.get(2)).isEqualTo(Family.BIND0);
        assertThat(order.get(order.size() - 1)).isEqualTo(Family.UNIQUE);
        assertThat(Family.runOrder(List.of(Family.UNIQUE, Family.DUALSTACK, Family.EXHAUST)))
                .containsExactly(Family.EXHAUST, Family.DUALSTACK, Family.UNIQUE);
    }
}
