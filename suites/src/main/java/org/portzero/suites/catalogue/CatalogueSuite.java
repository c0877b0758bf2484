package org.portzero.suites.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.portzero.model.Family;

/**
 * The whole catalogue as JUnit tests: one container per family, in {@link Family#runOrder}, each
 * holding that family's checks as dynamic tests named by their ids. The system property
 * {@value #FAMILIES} ({@code bind0,unique}) narrows it; unset, every family runs.
 */
@DisplayName("portzero")
public class CatalogueSuite {

    /** The system property that selects families, comma-separated ids. */
    public static final String FAMILIES = "portzero.families";

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
        List<Check> checks;
        try {
            checks = CheckFamily.of(family).checks(bench).toList();
        } catch (Throwable e) {   // whatever it is, the family is recorded as unlisted, never dropped
            ResultLog.unlisted(family, CheckExecution.stackTrace(e));
            return Stream.of(DynamicTest.dynamicTest(family.id() + " lists its checks", () -> {
                throw new IllegalStateException("family " + family.id() + " could not list its checks", e);
            }));
        }
        ResultLog.listed(family, checks);
        return CheckTests.of(checks.stream());
    }

    /** The families {@value #FAMILIES} names, or all of them. */
    public static List<Family> selected() {
        String wanted = System.getProperty(FAMILIES, "").trim();
        return wanted.isEmpty() ? List.of(Family.values())
                : Arrays.stream(wanted.split(",")).map(Family::of).distinct().toList();
    }
}
