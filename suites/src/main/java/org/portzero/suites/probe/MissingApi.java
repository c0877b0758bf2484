package org.portzero.suites.probe;

/**
 * The JDK under test lacks an API a call needs (it came in a later Java): the call is recorded
 * and the check ends as {@code skip} with this reason, never as a deviation or a harness fault.
 */
public final class MissingApi extends RuntimeException {

    public MissingApi(String reason) {
        super(reason, null, false, false);
    }
}
