package org.portzero.suites.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.portzero.model.Family;

/** Claim: the runner runs the families its platform offers that the user's selection asks for, in run order. */
class RunnerOptionsTest {

    @Test
    void thePlatformsFamiliesNarrowedByTheSelectionInRunOrder() {
        assertThat(RunnerOptions.families(List.of(), List.of(Family.UNIQUE, Family.EXHAUST)))
                .containsExactly(Family.EXHAUST, Family.UNIQUE);
        assertThat(RunnerOptions.families(List.of(Family.BIND0, Family.EXHAUST), List.of(Family.values())))
                .containsExactly(Family.EXHAUST, Family.BIND0);
        assertThat(RunnerOptions.families(List.of(Family.BIND0, Family.EXHAUST), List.of(Family.BIND0)))
                .containsExactly(Family.BIND0);
    }

    @Test
    void noFamilyInCommonIsAnError() {
        assertThatThrownBy(() -> RunnerOptions.families(List.of(Family.EXHAUST), List.of(Family.BIND0)))
                .hasMessageContaining("this platform runs the families [exhaust]")
                .hasMessageContaining("asks for [bind0]: none in common");
    }
}
