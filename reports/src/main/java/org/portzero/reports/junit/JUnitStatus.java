package org.portzero.reports.junit;

import org.portzero.model.Verdict;

/**
 * What a JUnit XML test case says of a verdict, chosen so that CI's test tabs agree with the
 * {@link org.portzero.model.Gate}: a test case is red (a {@code <failure>} or an {@code <error>})
 * exactly when its verdict fails the gate; {@code skipped} is kept for a check that did not judge
 * anything (a precondition unmet). A known deviation seen as expected ({@code xfail}), an
 * unexpected pass ({@code xpass}) and a check that failed once then held ({@code flaky}) are
 * green, the verdict named in the test case's output; a flaky one also carries Surefire's
 * {@code <flakyFailure>}, which Jenkins shows as flaky.
 */
public enum JUnitStatus {
    /** No child element: green. */
    PASSED,
    /** Green, with a {@code <flakyFailure>} child: the first attempt's failure. */
    PASSED_FLAKY,
    /** {@code <skipped message="…">}. */
    SKIPPED,
    /** {@code <failure>}: a behaviour deviation. */
    FAILURE,
    /** {@code <error>}: the harness could not judge. */
    ERROR;

    public static JUnitStatus of(Verdict verdict) {
        return switch (verdict) {
            case PASS, XPASS, XFAIL -> PASSED;
            case FLAKY -> PASSED_FLAKY;
            case SKIP -> SKIPPED;
            case FAIL -> FAILURE;
            case BROKEN -> ERROR;
        };
    }

    /** Whether a JUnit reporter shows the test case red: {@code <failure>} or {@code <error>}. */
    public boolean red() {
        return this == FAILURE || this == ERROR;
    }
}
