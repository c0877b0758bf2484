package org.portzero.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Claim: {@code -Dportzero.checks} globs select whole check ids — {@code *} across dots, {@code ?} one
 * character, commas between globs — and a glob naming no family is refused before anything runs.
 */
class CheckSelectionTest {

    @Test
    void aFamilyGlobSelectsThatFamilyOnly() {
        CheckSelection bind0 = CheckSelection.of("bind0.*");
        assertThat(bind0.matches("bind0.udp46_wildcard_nio.port_in_range")).isTrue();
        assertThat(bind0.matches("unique.generated_libc.ports_distinct")).isFalse();
        assertThat(bind0.matches("bind0x.a.b")).as("the dot is literal").isFalse();
        assertThat(bind0.families()).containsExactly(Family.BIND0);
    }

    @Test
    void starsCrossDotsAndQuestionMarksTakeOneCharacter() {
        CheckSelection anyVariant = CheckSelection.of("*.port_in_range");
        assertThat(anyVariant.matches("bind0.tcp4_loopback_socket.port_in_range")).isTrue();
        assertThat(anyVariant.matches("bind0.tcp4_loopback_socket.port_in_range_too")).isFalse();
        assertThat(anyVariant.families()).as("a wildcard family part reaches every family")
                .isEqualTo(Set.of(Family.values()));
        assertThat(CheckSelection.of("bind0.tcp?_loopback_socket.port_in_range")
                .matches("bind0.tcp6_loopback_socket.port_in_range")).isTrue();
    }

    @Test
    void severalGlobsAreAnyOf() {
        CheckSelection two = CheckSelection.of("unique.generated_libc.ports_distinct, connect0.*");
        assertThat(two.globs()).containsExactly("unique.generated_libc.ports_distinct", "connect0.*");
        assertThat(two.matches("unique.generated_libc.ports_distinct")).isTrue();
        assertThat(two.matches("unique.generated_nio.ports_distinct")).isFalse();
        assertThat(two.matches("connect0.tcp4_socket.refused")).isTrue();
        assertThat(two.families()).containsExactly(Family.UNIQUE, Family.CONNECT0);
    }

    @Test
    void regexCharactersAreLiteral() {
        assertThat(CheckSelection.of("bind0.(a|b).c").matches("bind0.a.c")).isFalse();
        assertThat(CheckSelection.of("bind0.[ab].c").matches("bind0.a.c")).isFalse();
    }

    @Test
    void unsetOrBlankSelectsEverything() {
        assertThat(CheckSelection.of(null).selectsEverything()).isTrue();
        assertThat(CheckSelection.of("  ").matches("sandbox.any.thing")).isTrue();
        assertThat(CheckSelection.of("").families()).isEqualTo(Set.of(Family.values()));
    }

    @Test
    void aGlobNamingNoFamilyOrAnEmptyGlobIsRefused() {
        assertThatThrownBy(() -> CheckSelection.of("bindzero.*")).hasMessageContaining("unknown family 'bindzero'");
        assertThatThrownBy(() -> CheckSelection.of("bind0.*,,unique.*"))
                .hasMessageContaining("-Dportzero.checks: an empty glob selects nothing");
        assertThat(new CheckSelection(List.of("bind0.*")).toString()).isEqualTo("bind0.*");
    }
}
