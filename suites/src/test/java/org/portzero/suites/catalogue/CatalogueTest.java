package org.portzero.suites.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.portzero.suites.checks.Bind0Checks;
import org.portzero.suites.checks.ConcurrencyChecks;
import org.portzero.suites.checks.DisconnectChecks;
import org.portzero.suites.checks.ExhaustChecks;
import org.portzero.suites.checks.ParityChecks;
import org.portzero.suites.checks.ReservedChecks;
import org.portzero.suites.checks.DualstackChecks;
import org.portzero.suites.checks.SandboxChecks;
import org.portzero.suites.checks.SockoptChecks;
import org.portzero.suites.checks.TimeWaitChecks;
import org.portzero.suites.checks.porttable.PortTableChecks;
import org.portzero.suites.checks.ConnectedChecks;
import org.portzero.suites.checks.Connect0Checks;
import org.portzero.suites.checks.UniqueChecks;
import org.portzero.suites.checks.WildcardChecks;
import org.portzero.suites.probe.Layer;

/** The catalogue's shape: ids unique and well-formed, every family across every layer. */
class CatalogueTest {

    static List<Check> all(Bench bench) {
        return Stream.of(new Bind0Checks(bench).checks(), new Bind0Checks(bench).properties(),
                        new UniqueChecks(bench).checks(), new UniqueChecks(bench).properties(),
                        new PortTableChecks(bench).checks(), new ConcurrencyChecks(bench).checks(),
                        new TimeWaitChecks(bench).checks(),
                        new Connect0Checks(bench).checks(), new WildcardChecks(bench).checks(),
                        new WildcardChecks(bench).properties(), new ConnectedChecks(bench).checks(),
                        new DisconnectChecks(bench).checks(), new ExhaustChecks(bench).checks(),
                        new ReservedChecks(bench).checks(), new SockoptChecks(bench).checks(),
                        new ParityChecks(bench).checks(), new SandboxChecks(bench).checks(),
                        new DualstackChecks(bench).checks())
                .flatMap(s -> s).collect(Collectors.toList());
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
