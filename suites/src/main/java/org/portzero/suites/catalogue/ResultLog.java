package org.portzero.suites.catalogue;

import java.util.ArrayList;
import java.util.List;
import org.portzero.suites.verdict.CheckResult;

/** Collects every check result of this JVM's run, for {@code observations.json}. */
public final class ResultLog {

    private static final List<CheckResult> RESULTS = new ArrayList<>();

    private ResultLog() {
    }

    public static synchronized void add(CheckResult result) {
        RESULTS.add(result);
    }

    public static synchronized List<CheckResult> all() {
        return List.copyOf(RESULTS);
    }
}
