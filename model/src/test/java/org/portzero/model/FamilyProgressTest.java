package org.portzero.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FamilyProgressTest {

    @Test
    void the_line_reads_back_as_written_also_inside_a_guest_console() {
        FamilyProgress p = new FamilyProgress(Family.UNIQUE, 43, 43, 0, 6_200);
        assertThat(p.line()).isEqualTo("portzero: family finished unique done=43 listed=43 failing=0 millis=6200");
        assertThat(FamilyProgress.parse(p.line())).contains(p);
        assertThat(FamilyProgress.parse("[   12.345] " + p.line() + "\r")).contains(p);
        assertThat(p.clean()).isTrue();
    }

    @Test
    void other_lines_are_no_progress() {
        assertThat(FamilyProgress.parse("portzero: 721 checks in 14.4 s")).isEmpty();
        assertThat(FamilyProgress.parse("portzero: family finished nosuch done=1 listed=1 failing=0 millis=1")).isEmpty();
        assertThat(FamilyProgress.parse("portzero: family finished unique done=99999999999 listed=1 failing=0 millis=1"))
                .isEmpty();
        assertThat(new FamilyProgress(Family.BIND0, 3, 4, 0, 1).clean()).isFalse();
        assertThat(new FamilyProgress(Family.BIND0, 4, 4, 1, 1).clean()).isFalse();
    }
}
