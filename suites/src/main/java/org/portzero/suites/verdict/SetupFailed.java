package org.portzero.suites.verdict;

import org.portzero.suites.probe.Observation;

/**
 * A step the check needs but does not judge went wrong (a listener would not bind): the harness
 * cannot judge the claim, so the verdict is {@code broken}, with the observation that failed.
 */
public final class SetupFailed extends RuntimeException {

    public SetupFailed(String step, Observation observation) {
        super(step + " failed: " + observation, null, false, false);
    }

    /** The harness cannot judge for a reason no single call shows (e.g. it leaked ports itself). */
    public SetupFailed(String why) {
        super(why, null, false, false);
    }

    /** Returns the observation when it succeeded, else throws. */
    public static Observation require(String step, Observation observation) {
        if (!observation.succeeded()) {
            throw new SetupFailed(step, observation);
        }
        return observation;
    }
}
