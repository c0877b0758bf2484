package org.portzero.suites.checks.common;

import java.net.InetSocketAddress;
import org.portzero.model.PlatformFacts;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.Role;
import org.portzero.suites.probe.SocketOptionName;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.PreconditionUnmet;

/**
 * A stretch of ephemeral ports a check can use up: the platform's whole range when it is small
 * (the narrow-range platform's 64), else, at the libc layer on kernels with
 * {@code IP_LOCAL_PORT_RANGE} (where the kernel offers it: probed), a window of {@link #WINDOW} free ports inside the range
 * that each socket is clamped to. Never a fixed port: the window is found free at run time.
 *
 * @param low        the first port
 * @param high       the last port
 * @param perSocket  whether sockets must set {@code IP_LOCAL_PORT_RANGE} to stay inside it
 */
public record EphemeralWindow(int low, int high, boolean perSocket) {

    /** The largest netns range a check exhausts whole. */
    static final int MAX_WHOLE_RANGE = 4096;
    /** The size of a per-socket window. */
    static final int WINDOW = 64;
    /** Sockets beyond the window size a check may open, for the call that must fail. */
    public static final int SLACK = 64;

    public int size() {
        return high - low + 1;
    }

    public boolean contains(int port) {
        return port >= low && port <= high;
    }

    /** The ports autobinding can hand out here: the window less the reserved ports in it. */
    public int free(PlatformFacts facts) {
        return size() - facts.reservedPorts().countIn(low, high);
    }

    @Override
    public String toString() {
        return low + "-" + high + (perSocket ? " (IP_LOCAL_PORT_RANGE)" : " (the netns range)");
    }

    /**
     * Chooses a window for a layer, or skips with the reason. With {@code nearReserved}, a per-socket
     * window starts a little before the first reserved port inside the range.
     */
    public static EphemeralWindow choose(Bench bench, Layer layer, Transport transport, boolean nearReserved, Trace trace) {
        PlatformFacts facts = bench.facts();
        int size = facts.portRange().size();
        if (size <= MAX_WHOLE_RANGE && size + SLACK < bench.budget().freeDescriptors() / 2) {
            return new EphemeralWindow(facts.portRange().low(), facts.portRange().high(), false);
        }
        PreconditionUnmet.require(layer == Layer.LIBC, "ip_local_port_range holds " + size
                + " ports (more than " + MAX_WHOLE_RANGE + " to exhaust) and the JDK cannot set IP_LOCAL_PORT_RANGE");
        KernelOption.require(bench, SocketOptionName.IP_LOCAL_PORT_RANGE, new SocketShape(AddressFamily.IPV4, transport),
                "ip_local_port_range holds " + size + " ports (more than " + MAX_WHOLE_RANGE + " to exhaust)", trace);
        int start = facts.portRange().low() + size / 3;
        if (nearReserved) {
            int first = -1;
            for (int p = facts.portRange().low(); p <= facts.portRange().high() && first < 0; p++) {
                if (facts.reservedPorts().contains(p)) {
                    first = p;
                }
            }
            PreconditionUnmet.require(first >= 0, "no reserved port inside ip_local_port_range " + facts.portRange());
            start = Math.max(facts.portRange().low(), first - WINDOW / 4);
        }
        for (int attempt = 0; attempt < 8; attempt++) {
            // Spread the attempts over the range: a busy stretch is often wider than one window.
            int step = nearReserved ? WINDOW : Math.max(WINDOW, size / 9);
            int low = Math.min(start + attempt * step, facts.portRange().high() - WINDOW + 1);
            EphemeralWindow w = new EphemeralWindow(low, low + WINDOW - 1, true);
            if (allFree(bench, w, trace)) {
                return w;
            }
        }
        throw new PreconditionUnmet("no window of " + WINDOW + " free ports found in " + facts.portRange()
                + " (other processes hold ports there)");
    }

    /** Opens a socket whose autobinding stays inside the window. */
    public ProbeSocket open(Bench bench, Layer layer, SocketShape shape, Role role, Trace trace) {
        ProbeSocket s = bench.layer(layer).open(shape, role, trace);
        if (perSocket) {
            s.setsockopt(SocketOptionName.IP_LOCAL_PORT_RANGE, (high << 16) | low);
        }
        return s;
    }

    /** Whether every port of the window binds, TCP and UDP, on the dual-stack wildcard (then releases them). */
    private static boolean allFree(Bench bench, EphemeralWindow w, Trace trace) {
        try (Trace probe = new Trace()) {
            for (Transport t : Transport.TCP_UDP) { // MPTCP takes its ports from TCP's space
                for (int p = w.low; p <= w.high; p++) {
                    if (bench.facts().reservedPorts().contains(p)) {
                        continue;
                    }
                    ProbeSocket s = bench.layer(Layer.LIBC).open(new SocketShape(
                            bench.facts().ipv6Usable() ? AddressFamily.DUAL : AddressFamily.IPV4, t), probe);
                    Observation bind = s.bind(new InetSocketAddress(
                            bench.facts().ipv6Usable() ? AddressFamily.DUAL.wildcard() : AddressFamily.IPV4.wildcard(), p));
                    if (!bind.succeeded()) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
