package org.portzero.model;

/**
 * The live {@code net.ipv4.ip_local_port_range}: the inclusive bounds autobinding draws from.
 * Despite its name the sysctl governs IPv6 as well (ip-sysctl.rst).
 */
public record EphemeralRange(int low, int high) {

    /** The sysctl's name, as outcomes and messages spell it. */
    public static final String SYSCTL = "ip_local_port_range";

    public EphemeralRange {
        if (low < 1 || high > 65535 || low > high) {
            throw new IllegalArgumentException("not a port range: " + low + " " + high);
        }
    }

    /** Parses the sysctl's text, two integers separated by white space. */
    public static EphemeralRange parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("ip_local_port_range is not two numbers: '" + text.trim() + "'");
        }
        return new EphemeralRange(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    public boolean contains(int port) {
        return port >= low && port <= high;
    }

    /** Where a port lies, in words an outcome can carry on any platform: {@code in ip_local_port_range}, {@code outside …}. */
    public String placement(int port) {
        return (contains(port) ? "in " : "outside ") + SYSCTL;
    }

    public int size() {
        return high - low + 1;
    }

    @Override
    public String toString() {
        return low + "-" + high;
    }
}
