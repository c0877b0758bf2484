package org.portzero.reports.allure;

import java.util.List;
import java.util.Map;

/**
 * {@code categories.json}: the suites' verdicts as Allure categories. The suites report
 * {@code fail} as failed, {@code broken} as broken, {@code xfail} as skipped with the message
 * "xfail (known deviation): …", {@code skip} as skipped with "skip: …" and {@code flaky} as
 * skipped with "flaky: …" — these categories
 * only name what the suites already decided.
 */
public final class AllureCategories {

    private AllureCategories() {
    }

    public static List<Map<String, Object>> all() {
        return List.of(
                Map.of("name", "Behaviour deviation (fail)", "matchedStatuses", List.of("failed"),
                        "description", "the platform behaved against the check's claim and no expectation lists it"),
                Map.of("name", "Harness fault (broken)", "matchedStatuses", List.of("broken"),
                        "description", "the harness could not judge: a setup step or the harness itself failed"),
                Map.of("name", "Known deviation (xfail)", "matchedStatuses", List.of("skipped"),
                        "messageRegex", "(?s)xfail.*"),
                Map.of("name", "Precondition unmet (skip)", "matchedStatuses", List.of("skipped"),
                        "messageRegex", "(?s)skip:.*"),
                Map.of("name", "Flaky (failed, then held on a re-run)", "matchedStatuses", List.of("skipped"),
                        "messageRegex", "(?s)flaky:.*"));
    }
}
