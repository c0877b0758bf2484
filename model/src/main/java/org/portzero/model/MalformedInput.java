package org.portzero.model;

/**
 * Input the harness refuses, whichever file it came from: the message is the {@link InputFault}
 * line, {@code FILE:LINE: field 'F': what is wrong}, so a user can go straight to the place.
 */
public final class MalformedInput extends RuntimeException {

    private final transient InputFault fault;

    public MalformedInput(InputFault fault) {
        this(fault, null);
    }

    public MalformedInput(InputFault fault, Throwable cause) {
        super(fault.toString(), cause);
        this.fault = fault;
    }

    public MalformedInput(java.nio.file.Path file, int line, String field, String problem) {
        this(new InputFault(file, line, field, problem));
    }

    public InputFault fault() {
        return fault;
    }

    public java.nio.file.Path file() {
        return fault.file();
    }

    /** 1-based; 0 when unknown. */
    public int line() {
        return fault.line();
    }

    public String field() {
        return fault.field();
    }
}
