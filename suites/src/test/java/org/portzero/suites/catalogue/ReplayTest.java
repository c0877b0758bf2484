package org.portzero.suites.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Claim: a falsified property's replay advice is a Maven command that runs that check alone on the
 * platform it failed on with its seed (and example count, when one was set); the first line keeps
 * the {@code -Dportzero.seed=N} it always printed.
 */
class ReplayTest {

    @AfterEach
    void forgetThePlatform() {
        System.clearProperty("portzero.platform");
    }

    @Test
    void onAPlatformTheCommandNamesIt() {
        System.setProperty("portzero.platform", "debian13-jdk25");
        assertThat(Replay.command("unique.generated_libc.ports_distinct", 424242L, new PropertySettings(null, null)))
                .isEqualTo("replay: mvn -B verify -pl containers -am -Dmaven.test.skip=true -Dportzero.platforms=debian13-jdk25"
                        + " -Dportzero.checks=unique.generated_libc.ports_distinct -Dportzero.seed=424242");
    }

    @Test
    void byHandItIsTheHostAndASetExampleCountIsKept() {
        assertThat(Replay.command("unique.generated_nio.ports_distinct", -5L, new PropertySettings(-5L, 40)))
                .isEqualTo("replay: mvn -B verify -pl containers -am -Dmaven.test.skip=true -Dportzero.platforms=host"
                        + " -Dportzero.checks=unique.generated_nio.ports_distinct -Dportzero.seed=-5 -Dportzero.examples=40");
        assertThat(Replay.falsified("unique.generated_nio.ports_distinct", -5L))
                .isEqualTo("unique.generated_nio.ports_distinct falsified (seed -5, replay with -Dportzero.seed=-5)");
    }
}
