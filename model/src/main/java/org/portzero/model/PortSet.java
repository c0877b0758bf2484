package org.portzero.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.BitSet;

/** A set of ports in the sysctl list syntax ({@code 8080,9000-9010}), e.g. {@code ip_local_reserved_ports}. */
public final class PortSet {

    private final BitSet ports;
    private final String text;

    private PortSet(BitSet ports, String text) {
        this.ports = ports;
        this.text = text;
    }

    public static PortSet empty() {
        return new PortSet(new BitSet(), "");
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static PortSet parse(String text) {
        BitSet set = new BitSet(65536);
        String trimmed = text.trim();
        if (!trimmed.isEmpty()) {
            for (String item : trimmed.split(",")) {
                String[] bounds = item.trim().split("-");
                int from = Integer.parseInt(bounds[0].trim());
                int to = bounds.length > 1 ? Integer.parseInt(bounds[1].trim()) : from;
                if (from < 0 || to > 65535 || from > to) {
                    throw new IllegalArgumentException("not a port or port range: '" + item + "'");
                }
                set.set(from, to + 1);
            }
        }
        return new PortSet(set, trimmed);
    }

    /** The set in the sysctl's own syntax, as it is written to platform.json. */
    @JsonValue
    public String text() {
        return text;
    }

    public boolean contains(int port) {
        return port >= 0 && ports.get(port);
    }

    public int size() {
        return ports.cardinality();
    }

    /** How many of the ports {@code low..high} (inclusive) are in the set. */
    public int countIn(int low, int high) {
        return ports.get(low, high + 1).cardinality();
    }

    public boolean isEmpty() {
        return ports.isEmpty();
    }

    /** The same ports, however the text spells them. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PortSet set && set.ports.equals(ports);
    }

    @Override
    public int hashCode() {
        return ports.hashCode();
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "(none)" : text;
    }
}
