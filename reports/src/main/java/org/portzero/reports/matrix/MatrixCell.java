package org.portzero.reports.matrix;

import org.portzero.model.Verdict;

/**
 * One check on one platform, as the suites judged it.
 *
 * @param verdict  the suites' verdict
 * @param outcome  the observed outcome in short form ({@link OutcomeForm})
 * @param observed the observed value exactly as recorded
 * @param expected what the check expected
 * @param message  the check's message (a skip's reason, a failure's explanation)
 * @param reason   for xfail/xpass, the expectation's reason
 * @param link     for xfail/xpass, the expectation's link
 * @param seed     a property's seed, as text (it does not fit a JavaScript number)
 */
public record MatrixCell(
        Verdict verdict,
        String outcome,
        String observed,
        String expected,
        String message,
        String reason,
        String link,
        String seed) {
}
