package org.portzero.suites.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A property that runs no example proves nothing: counts below 1 and non-numbers are refused, named. */
class PropertySettingsTest {

    @Test
    void anExampleCountBelowOneIsRefused() {
        assertThatThrownBy(() -> new PropertySettings(null, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dportzero.examples=0: every property must try at least 1 example"
                        + " (a property that tries none proves nothing)");
        assertThatThrownBy(() -> new PropertySettings(7L, -3)).hasMessageStartingWith("-Dportzero.examples=-3:");
        assertThat(new PropertySettings(7L, 1).examples(200)).isEqualTo(1);
        assertThat(new PropertySettings(7L, null).examples(200)).isEqualTo(200);
    }

    @Test
    void theSystemPropertiesAreReadAndANonNumberIsNamed() {
        String before = System.getProperty(PropertySettings.EXAMPLES);
        try {
            System.setProperty(PropertySettings.EXAMPLES, "lots");
            assertThatThrownBy(PropertySettings::fromSystemProperties)
                    .hasMessage("-Dportzero.examples=lots: not a whole number");
            System.setProperty(PropertySettings.EXAMPLES, "0");
            assertThatThrownBy(PropertySettings::fromSystemProperties).hasMessageContaining("at least 1 example");
            System.setProperty(PropertySettings.EXAMPLES, " 12 ");
            assertThat(PropertySettings.fromSystemProperties().examples(200)).isEqualTo(12);
        } finally {
            if (before == null) {
                System.clearProperty(PropertySettings.EXAMPLES);
            } else {
                System.setProperty(PropertySettings.EXAMPLES, before);
            }
        }
    }
}
