package org.portzero.benchmarks;

import java.io.IOException;

/** The network namespace's {@code ip_local_port_range}, read in one call (sysctl files answer offset reads with EOF). */
record EphemeralRange(int low, int high) {

    static EphemeralRange current() {
        try {
            byte[] buffer = new byte[64];
            int n;
            try (var in = new java.io.FileInputStream("/proc/sys/net/ipv4/ip_local_port_range")) {
                n = in.read(buffer); // one read: a second read at a non-zero offset answers EOF
            }
            String[] bounds = new String(buffer, 0, Math.max(n, 0), java.nio.charset.StandardCharsets.US_ASCII)
                    .strip().split("\\s+");
            return new EphemeralRange(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read ip_local_port_range", e);
        }
    }

    int size() {
        return high - low + 1;
    }

    /** The lower half's size: what one process fills before a holder process takes it over. */
    int half() {
        return size() / 2;
    }
}
