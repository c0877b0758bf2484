package org.portzero.suites.catalogue;

import java.util.ArrayList;
import java.util.List;
import org.portzero.model.Family;
import org.portzero.model.FamilyPlan;
import org.portzero.suites.verdict.CheckResult;

/**
 * Collects this JVM's run for {@code observations.json}: what each family listed before anything
 * ran (its checks, or why it could not list them), and every check result.
 */
public final class ResultLog {

    private static final List<CheckResult> RESULTS = new ArrayList<>();
    private static final List<FamilyPlan> PLANS = new ArrayList<>();
    private static final List<Check> LISTED = new ArrayList<>();

    private ResultLog() {
    }

    public static synchronized void add(CheckResult result) {
        RESULTS.add(result);
    }

    public static synchronized List<CheckResult> all() {
        return List.copyOf(RESULTS);
    }

    /** A family listed these checks; each must end with a result. */
    static synchronized void listed(Family family, List<Check> checks) {
        PLANS.add(FamilyPlan.listed(family, checks.stream().map(c -> c.id().toString()).toList()));
        LISTED.addAll(checks);
    }

    /** A family could not list its checks. */
    static synchronized void unlisted(Family family, String fault) {
        PLANS.add(FamilyPlan.unlisted(family, fault));
    }

    public static synchronized List<FamilyPlan> plans() {
        return List.copyOf(PLANS);
    }

    /** Every listed check that has no result yet, in listing order. */
    public static synchronized List<Check> withoutResult() {
        java.util.Set<String> reported = new java.util.HashSet<>();
        RESULTS.forEach(r -> reported.add(r.id()));
        return LISTED.stream().filter(c -> !reported.contains(c.id().toString())).toList();
    }
}
