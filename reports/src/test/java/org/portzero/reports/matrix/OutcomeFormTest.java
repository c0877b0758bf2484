package org.portzero.reports.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeFormTest {

    @Test
    void ephemeral_ports_become_numbered_placeholders_that_keep_equality() {
        assertThat(OutcomeForm.of("api=56723 kernel=56723", null, 32768, 60999)).isEqualTo("api=P1 kernel=P1");
        assertThat(OutcomeForm.of("local=127.0.0.1:40001 peer=127.0.0.1:40002", null, 32768, 60999))
                .isEqualTo("local=127.0.0.1:P1 peer=127.0.0.1:P2");
        assertThat(OutcomeForm.of("[::]:45841", null, 32768, 60999)).isEqualTo("[::]:P1");
    }

    @Test
    void numbers_outside_the_range_and_addresses_stay() {
        assertThat(OutcomeForm.of("port 1023 below 32768-60999", null, 40000, 40003)).isEqualTo("port 1023 below 32768-60999");
        assertThat(OutcomeForm.of("::ffff:127.0.0.1", null, 32768, 60999)).isEqualTo("::ffff:127.0.0.1");
        assertThat(OutcomeForm.of("0.0.0.0:0", null, 32768, 60999)).isEqualTo("0.0.0.0:0");
    }

    @Test
    void without_an_observed_value_the_message_is_shown() {
        assertThat(OutcomeForm.of(null, "the runner is root", 32768, 60999)).isEqualTo("the runner is root");
    }
}
