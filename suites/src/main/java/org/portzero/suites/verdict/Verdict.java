package org.portzero.suites.verdict;

/**
 * The judgement of one check on one platform, as in Web Platform Tests' statuses: a behaviour
 * deviation ({@code FAIL}) is kept apart from a harness fault ({@code BROKEN}).
 */
public enum Verdict {
    /** The claim held. */
    PASS,
    /** The claim did not hold and no expectation lists it: unexpected behaviour. */
    FAIL,
    /** The claim did not hold, as an expectation entry says it does not on this platform. */
    XFAIL,
    /** An expectation entry says the claim does not hold here, yet it held. */
    XPASS,
    /**
     * The claim failed, then held when the check ran again in the same platform: both runs'
     * observations are kept. Reported loudly; it does not fail a build on its own.
     */
    FLAKY,
    /** A precondition is unmet (no IPv6, an option the kernel lacks); the reason says which. */
    SKIP,
    /** The harness itself failed: the check could not be judged. */
    BROKEN;

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether this verdict fails a build. */
    public boolean isBad() {
        return this == FAIL || this == BROKEN;
    }
}
