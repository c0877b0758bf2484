package org.portzero.suites.catalogue;

import org.portzero.model.CheckSelection;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.portzero.model.Family;
import org.portzero.model.RunnerProperty;

/**
 * The whole catalogue as JUnit tests: one container per family, in {@link Family#runOrder}, each
 * holding that family's checks as dynamic tests named by their ids. The system property
 * {@code portzero.families} ({@code bind0,unique}) narrows it to families, {@code portzero.checks}
 * ({@code bind0.*}, a {@link CheckSelection}) to checks; unset, every check runs.
 */
@DisplayName("portzero")
public class CatalogueSuite {

    /** The system property that selects families, comma-separated ids. */
    public static final String FAMILIES = RunnerProperty.FAMILIES.key();

    @TestFactory
    @DisplayName("catalogue")
    Stream<DynamicContainer> families() {
        Bench bench = Bench.current();
        return Family.runOrder(selected()).stream().map(family -> DynamicContainer.dynamicContainer(family.id(),
                listed(family, bench)));
    }

    /**
     * The family's checks as tests, listed whole before the first runs, so that the run records what it
     * meant to run. A family that cannot list them is one failing test carrying the cause, and the
     * run records the family as unlisted: it is broken, never silently absent.
     */
    static Stream<DynamicTest> listed(Family family, Bench bench) {
        return listed(family, bench, CheckSelection.fromSystemProperties());
    }

    /** The family's checks that {@code selection} matches, listed as {@link #listed(Family, Bench)} lists them. */
    static Stream<DynamicTest> listed(Family family, Bench bench, CheckSelection selection) {
        List<Check> checks;
        try {
            checks = CheckFamily.of(family).checks(bench).filter(c -> selection.matches(c.id().toString())).toList();
        } catch (Throwable e) {   // whatever it is, the family is recorded as unlisted, never dropped
            ResultLog.unlisted(family, CheckExecution.stackTrace(e));
            return Stream.of(DynamicTest.dynamicTest(family.id() + " lists its checks", () -> {
                throw new IllegalStateException("family " + family.id() + " could not list its checks", e);
            }));
        }
        ResultLog.listed(family, checks);
        return CheckTests.of(checks.stream());
    }

    /**
     * The catalogue as it stands on {@code bench}, without running a check: the checks of
     * {@code families} (every family when empty), in the matrix's row order, that {@code selection} matches.
     */
    public static List<Check> catalogue(Bench bench, List<Family> families, CheckSelection selection) {
        return Arrays.stream(Family.values()).filter(f -> families.isEmpty() || families.contains(f))
                .flatMap(f -> CheckFamily.of(f).checks(bench)).filter(c -> selection.matches(c.id().toString())).toList();
    }

    /** The families {@code portzero.families} names and {@code portzero.checks} can reach, or all of them. */
    public static List<Family> selected() {
        String wanted = System.getProperty(FAMILIES, "").trim();
        List<Family> named = wanted.isEmpty() ? List.of(Family.values())
                : Arrays.stream(wanted.split(",")).map(Family::of).distinct().toList();
        java.util.Set<Family> reached = CheckSelection.fromSystemProperties().families();
        return named.stream().filter(reached::contains).toList();
    }
}
