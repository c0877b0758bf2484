package org.portzero.suites.verdict;

/** Input the harness refuses: names the file and, where known, the line and the field. */
public final class MalformedInput extends RuntimeException {

    public MalformedInput(String source, String detail, Throwable cause) {
        super(source + ": " + detail, cause);
    }
}
