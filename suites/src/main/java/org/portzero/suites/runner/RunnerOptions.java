package org.portzero.suites.runner;

import java.nio.file.Path;
import java.util.List;
import org.portzero.model.Family;

/** What the runner runs: where it writes, and the families this platform offers (all when empty). */
record RunnerOptions(Path out, List<Family> families) {

    /**
     * The families to run: those {@code --families} names (all when it names none) that the system
     * properties select too ({@code asked}: {@code -Dportzero.families}, and the families
     * {@code -Dportzero.checks} can reach), in run order. None in common is an error naming both.
     */
    static List<Family> families(List<Family> platform, List<Family> asked) {
        List<Family> offered = platform.isEmpty() ? List.of(Family.values()) : platform;
        List<Family> both = Family.runOrder(offered.stream().filter(asked::contains).distinct().toList());
        if (both.isEmpty()) {
            throw new IllegalArgumentException("this platform runs the families " + ids(offered)
                    + ", the selection (-Dportzero.families, -Dportzero.checks) asks for " + ids(asked) + ": none in common");
        }
        return both;
    }

    private static String ids(List<Family> families) {
        return families.stream().map(Family::id).toList().toString();
    }
}
