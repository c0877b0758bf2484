package org.portzero.reports.allure;

import java.util.List;
import java.util.Map;
import org.portzero.model.Verdict;

/**
 * {@code categories.json}: the suites' verdicts as Allure categories. The suites report
 * {@code fail} as failed, {@code broken} as broken, and {@code xfail}, {@code skip} and
 * {@code flaky} as skipped with a message {@link Verdict#labelled labelled} by the verdict; these
 * categories match that label ({@link Verdict#labelPattern}) and only name what the suites decided.
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
                        "messageRegex", Verdict.XFAIL.labelPattern()),
                Map.of("name", "Precondition unmet (skip)", "matchedStatuses", List.of("skipped"),
                        "messageRegex", Verdict.SKIP.labelPattern()),
                Map.of("name", "Flaky (failed, then held on a re-run)", "matchedStatuses", List.of("skipped"),
                        "messageRegex", Verdict.FLAKY.labelPattern()));
    }
}
