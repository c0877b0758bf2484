package org.portzero.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an outcome names ports without their numbers: port 0 stays {@code 0} (unbound, reset: a
 * claim's result), any other port becomes {@code P1}, {@code P2}… in order of first appearance.
 * {@code api=P1 kernel=P1} keeps that two ports are equal and drops the number the kernel picked,
 * so one behaviour has one outcome on every run and platform: what the matrix compares and what an
 * expectation's {@code observed} names. One instance names the ports of one outcome; the numbers
 * belong in the figures and the message.
 */
public final class PortNames {

    private final Map<Integer, String> names = new LinkedHashMap<>();

    /** {@code 0}, or the name this outcome gives {@code port}. */
    public String name(int port) {
        return port == 0 ? "0" : names.computeIfAbsent(port, p -> "P" + (names.size() + 1));
    }
}
