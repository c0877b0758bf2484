package org.portzero.suites.verdict;

/** Input the harness refuses: names the file and, where known, the line and the field. */
public final class MalformedInput extends RuntimeException {

    private final String source;

    public MalformedInput(String source, String detail, Throwable cause) {
        super(source + ": " + detail, cause);
        this.source = source;
    }

    public String source() {
        return source;
    }
}
