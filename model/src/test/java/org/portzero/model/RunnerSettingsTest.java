package org.portzero.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Claim: what a user gives Maven of the forwarded runner properties reaches every platform's runner
 * as the same JVM arguments, with the platform's own id last; what Maven leaves empty is not given.
 */
class RunnerSettingsTest {

    @Test
    void theGivenForwardedPropertiesBecomeArgumentsInOneOrderThenThePlatform() {
        Properties properties = new Properties();
        properties.setProperty("portzero.checks", "bind0.*");
        properties.setProperty("portzero.seed", " 424242 ");
        properties.setProperty("portzero.examples", "");          // Maven's "not given"
        properties.setProperty("portzero.families", "bind0,unique");
        properties.setProperty("portzero.platform", "sneaky");     // the matrix's own, never taken from the user
        properties.setProperty("portzero.parallel", "2");

        RunnerSettings settings = RunnerSettings.from(properties);

        assertThat(settings.jvmArguments("debian13-jdk25")).containsExactly(
                "-Dportzero.seed=424242", "-Dportzero.families=bind0,unique", "-Dportzero.checks=bind0.*",
                "-Dportzero.platform=debian13-jdk25");
        assertThat(settings.jvmArguments("host")).endsWith("-Dportzero.platform=host")
                .as("the same forwarded arguments on every platform")
                .containsAll(settings.jvmArguments("debian13-jdk25").subList(0, 3));
    }

    @Test
    void nothingGivenIsOnlyThePlatform() {
        assertThat(RunnerSettings.from(new Properties()).jvmArguments("host")).containsExactly("-Dportzero.platform=host");
    }

    @Test
    void onlyForwardedPropertiesAreHeld() {
        assertThatThrownBy(() -> new RunnerSettings(Map.of(RunnerProperty.PLATFORM, "x")))
                .hasMessageContaining("portzero.platform is not forwarded");
    }
}
