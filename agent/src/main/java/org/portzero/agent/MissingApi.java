package org.portzero.agent;

/** The JDK running the agent lacks a method or constant a call needs (it came in a later JDK). */
final class MissingApi extends Exception {

    MissingApi(String what, String since) {
        super(what + " is not in JDK " + System.getProperty("java.version") + " (it came in Java " + since + ")",
                null, false, false);
    }
}
