package org.portzero.containers.run;

/**
 * The verdicts the runner writes (lower case)  into observations.json, in the order the log line counts
 * them. Containers never decide a verdict; they only count them for the log and the gate.
 */
public enum Verdict {
    PASS, FAIL, XFAIL, XPASS, FLAKY, SKIP, BROKEN;

    /** Verdicts that fail the build. */
    public boolean failsTheGate() {
        return this == FAIL || this == BROKEN;
    }
}
