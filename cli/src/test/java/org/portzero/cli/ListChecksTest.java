package org.portzero.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portzero.model.Family;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.CheckFamily;

/** {@code list-checks} lists the catalogue whole, one check per line, without running it. */
class ListChecksTest {

    @Test
    void everyCheckOfTheCatalogueIsOneLineWithItsFamilyClaimAndSpecs() {
        List<String> catalogue = Arrays.stream(Family.values()).flatMap(f -> CheckFamily.of(f).checks(Bench.current()))
                .map(c -> c.id().toString()).toList();
        Console listed = Console.of("list-checks");

        assertThat(listed.exit()).as(listed.err()).isZero();
        List<String[]> lines = listed.out().lines().map(l -> l.split("\t", -1)).toList();
        assertThat(lines).hasSameSizeAs(catalogue);
        assertThat(lines.stream().map(l -> l[0])).containsExactlyInAnyOrderElementsOf(catalogue);
        assertThat(lines).allSatisfy(l -> {
            assertThat(l).as(String.join(" | ", l)).hasSize(4);
            assertThat(l[0]).startsWith(l[1] + ".");
            assertThat(l[2]).isNotBlank();
            assertThat(l[3]).contains(" <https://");
        });
    }

    @Test
    void aSelectionListsWhatItMatches() {
        Console listed = Console.of("list-checks", "--checks", "bind0.tcp4_loopback_*");
        assertThat(listed.exit()).isZero();
        assertThat(listed.out().lines()).isNotEmpty().allMatch(l -> l.startsWith("bind0.tcp4_loopback_"));
        assertThat(Console.of("list-checks", "--families", "parity").out().lines())
                .isNotEmpty().allMatch(l -> l.startsWith("parity."));
    }
}
