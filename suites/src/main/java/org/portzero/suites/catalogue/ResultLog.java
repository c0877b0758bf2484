package org.portzero.suites.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.portzero.model.Family;
import org.portzero.model.FamilyPlan;
import org.portzero.suites.verdict.CheckResult;

/**
 * Collects this JVM's run for {@code observations.json}: what each family listed before anything
 * ran (its checks, or why it could not list them), and every check result.
 */
public final class ResultLog {

    private static final List<CheckResult> RESULTS = new ArrayList<>();
    /** Family → the checks it listed, or the fault that kept it from listing them; in listing order. */
    private static final Map<Family, List<Check>> LISTED = new LinkedHashMap<>();
    private static final Map<Family, String> UNLISTED = new LinkedHashMap<>();
    /** Told each time a family has listed its checks (or failed to): the runner's checkpoint. */
    private static Runnable onListing = () -> { };

    private ResultLog() {
    }

    public static synchronized void add(CheckResult result) {
        RESULTS.add(result);
    }

    public static synchronized List<CheckResult> all() {
        return List.copyOf(RESULTS);
    }

    /** A family listed these checks; each must end with a result. */
    static void listed(Family family, List<Check> checks) {
        synchronized (ResultLog.class) {
            LISTED.put(family, List.copyOf(checks));
        }
        onListing.run();
    }

    /** A family could not list its checks. */
    static void unlisted(Family family, String fault) {
        synchronized (ResultLog.class) {
            UNLISTED.put(family, fault);
        }
        onListing.run();
    }

    /** Runs {@code checkpoint} each time a family has listed its checks, before any of them runs. */
    public static synchronized void onListing(Runnable checkpoint) {
        onListing = checkpoint;
    }

    public static synchronized List<FamilyPlan> plans() {
        List<FamilyPlan> plans = new ArrayList<>();
        LISTED.forEach((family, checks) ->
                plans.add(FamilyPlan.listed(family, checks.stream().map(c -> c.id().toString()).toList())));
        UNLISTED.forEach((family, fault) -> plans.add(FamilyPlan.unlisted(family, fault)));
        return plans;
    }

    /** Every listed check that has no result yet, in listing order. */
    public static synchronized List<Check> withoutResult() {
        Set<String> reported = new HashSet<>();
        RESULTS.forEach(r -> reported.add(r.id()));
        return LISTED.values().stream().flatMap(List::stream).filter(c -> !reported.contains(c.id().toString())).toList();
    }
}
