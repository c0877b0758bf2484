package org.portzero.reports.matrix;

import org.portzero.model.Verdict;

/**
 * One check on one platform, as the suites judged it.
 *
 * @param verdict  the suites' verdict
 * @param outcome  the observed outcome in short form ({@link OutcomeForm}): the claim's result
 * @param observed the observed value exactly as recorded
 * @param expected what the check expected
 * @param message  the check's message (a skip's reason, a failure's explanation)
 * @param reason   for xfail/xpass, the expectation's reason
 * @param link     for xfail/xpass, the expectation's link
 * @param seed     a property's seed, as text (it does not fit a JavaScript number)
 * @param figures  the numbers behind the outcome (how many sockets, which window): shown, never
 *                 compared; null when the run recorded none
 */
public record MatrixCell(
        Verdict verdict,
        String outcome,
        String observed,
        String expected,
        String message,
        String reason,
        String link,
        String seed,
        String figures) {

    public MatrixCell(Verdict verdict, String outcome, String observed, String expected, String message,
                      String reason, String link, String seed) {
        this(verdict, outcome, observed, expected, message, reason, link, seed, null);
    }

    /**
     * What the matrix and the diff compare: the verdict's short-form outcome, without figures. A
     * skip's outcome is its reason, whose numbers ("needs 200 free ports, 31 are free") describe the
     * platform, not a behaviour: they are masked, so only another kind of reason counts as a change.
     */
    public String comparedOutcome() {
        String text = outcome == null ? "" : outcome;
        return verdict == Verdict.SKIP ? text.replaceAll("\\d+", "#") : text;
    }
}
