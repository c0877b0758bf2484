package org.portzero.suites.probe;

/** The vocabulary of socket operations every layer performs and records. */
public enum Operation {
    OPEN, BIND, LISTEN, CONNECT, ACCEPT, SEND, GETSOCKNAME, GETPEERNAME, SETSOCKOPT, GETSOCKOPT, SHUTDOWN, CLOSE,
    /** Whether the API still considers the socket open, bound and connected. */
    STATE;

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
