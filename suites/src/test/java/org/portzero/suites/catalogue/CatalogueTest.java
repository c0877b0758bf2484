package org.portzero.suites.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.portzero.model.Family;
import org.portzero.suites.probe.Layer;

/** The catalogue's shape: ids unique and well-formed, every family across every layer. */
class CatalogueTest {

    static List<Check> all(Bench bench) {
        return Arrays.stream(Family.values()).flatMap(f -> CheckFamily.of(f).checks(bench)).collect(Collectors.toList());
    }

    @Test
    void everyFamilyIsAPackageWithItsEntryClass() {
        for (Family f : Family.values()) {
            assertThat(CheckFamily.of(f).getClass().getPackageName()).isEqualTo(CheckFamily.packageOf(f));
        }
    }

    @Test
    void idsAreUniqueSnakeCaseTriples() {
        List<Check> checks = all(Bench.current());
        Set<String> seen = new HashSet<>();
        for (Check c : checks) {
            assertThat(seen.add(c.id().toString())).as("duplicate id " + c.id()).isTrue();
            assertThat(c.id().toString()).matches("[a-z0-9]+\\.[a-z0-9_]+\\.[a-z0-9_]+");
            assertThat(c.claim()).isNotBlank();
            assertThat(c.specs()).isNotEmpty();
        }
        assertThat(checks.size()).isGreaterThanOrEqualTo(150);
    }

    @Test
    void everyFamilyHasChecks() {
        List<Check> checks = all(Bench.current());
        for (Family f : Family.values()) {
            assertThat(checks.stream().filter(c -> c.family() == f)).as(f.id()).isNotEmpty();
        }
    }

    @Test
    void theMissionFamiliesRunOnEveryLayer() {
        List<Check> checks = all(Bench.current());
        for (Family f : List.of(Family.BIND0, Family.UNIQUE, Family.CONNECT0, Family.WILDCARD, Family.CONNECTED)) {
            Set<Layer> layers = checks.stream().filter(c -> c.family() == f).map(Check::layer)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Layer.class)));
            assertThat(layers).as(f.id()).containsExactlyInAnyOrder(Layer.values());
        }
    }
}
