package org.portzero.suites.verdict;

/** Thrown by a check that cannot run here; the verdict is {@code skip} with this reason. */
public final class PreconditionUnmet extends RuntimeException {

    public PreconditionUnmet(String reason) {
        super(reason, null, false, false);
    }

    /** Throws when {@code condition} is false. */
    public static void require(boolean condition, String reason) {
        if (!condition) {
            throw new PreconditionUnmet(reason);
        }
    }
}
