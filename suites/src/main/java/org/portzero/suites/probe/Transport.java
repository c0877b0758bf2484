package org.portzero.suites.probe;

/** The socket type: a TCP stream or a UDP datagram socket. */
public enum Transport {
    TCP, UDP;

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
