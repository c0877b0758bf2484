package org.portzero.suites.checks.connect0;

import org.portzero.suites.probe.Failure;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.Transport;

/**
 * The one place that says what a call to port 0 should do, per transport, call and layer
 * (docs/CATALOGUE.md B15–B17; JDK-8236105, JDK-8240533):
 *
 * <pre>
 *   transport  call     JDK layers                                   libc (the kernel)
 *   tcp        connect  ConnectException "Connection refused"        ECONNREFUSED: SYN to port 0, RST back
 *                      (strerror(ECONNREFUSED), maybe followed by " (...)" or ": address"; another
 *                      ConnectException, e.g. "Connection timed out", is not the kernel's refusal)
 *   udp        connect  SocketException "Can't connect to port 0"     succeeds (connected to port 0, autobound)
 *   udp        send     SocketException "Can't send to port 0"        EINVAL (autobound before the check)
 * </pre>
 */
public record PortZeroRefusal(String refusedBy, String errno, String exception, String message) {

    static final PortZeroRefusal TCP_KERNEL = new PortZeroRefusal("kernel", "ECONNREFUSED", null, null);
    static final PortZeroRefusal TCP_JDK = new PortZeroRefusal("kernel", null, "ConnectException", "Connection refused");
    static final PortZeroRefusal UDP_CONNECT_JDK = new PortZeroRefusal("jdk", null, "SocketException", "Can't connect to port 0");
    static final PortZeroRefusal UDP_SEND_JDK = new PortZeroRefusal("jdk", null, "SocketException", "Can't send to port 0");
    static final PortZeroRefusal UDP_SEND_KERNEL = new PortZeroRefusal("kernel", "EINVAL", null, null);
    /** The kernel accepts a UDP connect to port 0. */
    static final PortZeroRefusal NONE = new PortZeroRefusal("nobody", null, null, null);

    public static PortZeroRefusal expectedFor(PortZeroTarget row) {
        boolean jdk = row.layer().isJdk();
        if (row.shape().transport() == Transport.TCP) {
            return jdk ? TCP_JDK : TCP_KERNEL;
        }
        return switch (row.call()) {
            case CONNECT -> jdk ? UDP_CONNECT_JDK : NONE;
            case SEND -> jdk ? UDP_SEND_JDK : UDP_SEND_KERNEL;
        };
    }

    public boolean refuses() {
        return this != NONE;
    }

    /** Whether the observation is this refusal (or, for {@link #NONE}, a success). */
    public boolean matches(Observation o) {
        if (!refuses()) {
            return o.succeeded();
        }
        Failure f = o.failure();
        if (f == null) {
            return false;
        }
        if (errno != null) {
            return errno.equals(f.errno());
        }
        return exception.equals(f.exception()) && (message == null || sameMessage(f.message()));
    }

    /**
     * The message, or it followed by what the JDK appends: its own context ({@code "Connection
     * refused (connect failed)"}, JDK 21 over IPv4) or the address under
     * {@code jdk.includeInExceptions=hostInfo}.
     */
    private boolean sameMessage(String observed) {
        return observed != null
                && (observed.equals(message) || observed.startsWith(message + " (") || observed.startsWith(message + ": "));
    }

    /** The expected outcome in the short form observations use. */
    public String shortForm() {
        if (!refuses()) {
            return "ok (not refused)";
        }
        if (errno != null) {
            return errno;
        }
        return message == null ? exception : exception + " \"" + message + "\"";
    }
}
