package org.portzero.suites.checks.unique.porttable;

import java.util.ArrayList;
import java.util.List;
import org.portzero.model.NetworkStack;
import org.portzero.model.PlatformFacts;
import org.portzero.suites.probe.Endpoint;
import org.portzero.suites.probe.Observation;

/**
 * The model of the live port table and the claims it makes after every step:
 * <ol>
 *   <li>a port once held is held until close: getsockname keeps answering it;</li>
 *   <li>an autobound port (bind to 0, or connect/listen on an unbound socket) lies in the live
 *       range and is not reserved;</li>
 *   <li>two live sockets of one protocol whose addresses overlap share a port only as the reuse
 *       rules allow: both SO_REUSEPORT; both SO_REUSEADDR with at most one listening (TCP); an
 *       accepted socket and its listener or siblings; two TCP sockets both autobound by connect
 *       (their 4-tuples differ). On gVisor's netstack ({@link NetworkStack#GVISOR}, as the platform
 *       announced it) one rule more: both SO_REUSEADDR, one bound to a wildcard and the other to a
 *       specific address, listening or not. That is netstack's rule as the {@code dualstack} rows
 *       show it (15 such pairs bind there, every pair of two wildcards or one address twice is
 *       refused) and as the expectations data records it; Linux refuses those pairs while one listens.</li>
 * </ol>
 * A closed socket leaves the table: its port may be handed out again.
 */
final class PortTable {

    private final PlatformFacts facts;

    PortTable(PlatformFacts facts) {
        this.facts = facts;
    }

    /**
     * Updates each live socket from its getsockname (API) and kernel observations, and returns
     * every claim broken now.
     */
    List<String> check(List<LiveSocket> live, List<Observation> api, List<Observation> kernel) {
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            LiveSocket s = live.get(i);
            Observation name = api.get(i);
            if (!name.succeeded()) {
                broken.add("getsockname(" + s.name() + ") failed on a live socket: " + name.outcome());
                continue;
            }
            int observed = name.endpoint() == null ? 0 : name.endpoint().port();
            if (s.port != 0 && observed != s.port) {
                broken.add("getsockname(" + s.name() + ") answered port " + observed + " where the socket held "
                        + s.port + " (" + s.source + ")");
                continue;
            }
            if (s.port == 0 && observed != 0) {
                s.port = observed;
                if (s.source == LiveSocket.PortSource.NONE) {
                    s.source = LiveSocket.PortSource.CONNECT;
                }
                if (autobound(s)) {
                    if (!facts.portRange().contains(observed)) {
                        broken.add(s.name() + " was autobound (" + s.source + ") to port " + observed
                                + ", outside ip_local_port_range " + facts.portRange());
                    }
                    if (facts.reservedPorts().contains(observed)) {
                        broken.add(s.name() + " was autobound (" + s.source + ") to reserved port " + observed);
                    }
                }
            }
            Observation k = kernel.get(i);
            if (k.succeeded() && k.endpoint() != null) {
                s.kernelAddress = k.endpoint();
            }
        }
        for (int i = 0; i < live.size(); i++) {
            for (int j = i + 1; j < live.size(); j++) {
                LiveSocket x = live.get(i);
                LiveSocket y = live.get(j);
                if (x.port != 0 && x.port == y.port && x.shape.transport() == y.shape.transport()
                        && overlap(x, y) && !reuseAllows(x, y, facts.stack())) {
                    broken.add(x.name() + " (" + describe(x) + ") and " + y.name() + " (" + describe(y)
                            + ") share " + x.shape.transport().id() + " port " + x.port
                            + " though no reuse rule allows it");
                }
            }
        }
        return broken;
    }

    private static String describe(LiveSocket s) {
        return (s.kernelAddress == null ? "?" : s.kernelAddress.shortForm()) + ", " + s.source
                + (s.listening ? ", listening" : "") + (s.connected ? ", connected" : "")
                + (s.reuseAddr ? ", SO_REUSEADDR" : "") + (s.reusePort ? ", SO_REUSEPORT" : "");
    }

    private static boolean autobound(LiveSocket s) {
        return s.source == LiveSocket.PortSource.BIND_ZERO || s.source == LiveSocket.PortSource.CONNECT
                || s.source == LiveSocket.PortSource.LISTEN;
    }

    static boolean reuseAllows(LiveSocket x, LiveSocket y, NetworkStack stack) {
        if (x.reusePort && y.reusePort) {
            return true;
        }
        if (stack == NetworkStack.GVISOR && x.reuseAddr && y.reuseAddr && wildcard(x) != wildcard(y)) {
            return true;
        }
        if (x.reuseAddr && y.reuseAddr && (!x.tcp() || !(x.listening && y.listening))) {
            return true;
        }
        if (x.tcp() && (x.acceptedFrom == y.slot || y.acceptedFrom == x.slot
                || x.acceptedFrom >= 0 && x.acceptedFrom == y.acceptedFrom)) {
            return true;
        }
        return x.tcp() && x.connected && y.connected
                && x.source == LiveSocket.PortSource.CONNECT && y.source == LiveSocket.PortSource.CONNECT;
    }

    /** Whether the socket's kernel address is a wildcard: {@code 0.0.0.0}, {@code ::} or {@code ::ffff:0.0.0.0}. */
    private static boolean wildcard(LiveSocket s) {
        Endpoint e = s.kernelAddress;
        return e != null && (e.anyLocal() || e.v4Mapped() && e.canonicalAddress().equals("0.0.0.0"));
    }

    /** Whether the kernel addresses two sockets hold can receive for a common address. */
    static boolean overlap(LiveSocket x, LiveSocket y) {
        if (x.kernelAddress == null || y.kernelAddress == null) {
            return true;
        }
        Scope a = Scope.of(x.kernelAddress, x.v6only);
        Scope b = Scope.of(y.kernelAddress, y.v6only);
        return a.v4All && (b.v4All || b.v4 != null) || b.v4All && a.v4 != null
                || a.v6All && (b.v6All || b.v6 != null) || b.v6All && a.v6 != null
                || a.v4 != null && a.v4.equals(b.v4) || a.v6 != null && a.v6.equals(b.v6);
    }

    /** The addresses a bound socket receives for. */
    private record Scope(boolean v4All, boolean v6All, String v4, String v6) {
        static Scope of(Endpoint e, boolean v6only) {
            if (e.family().equals("inet")) {
                return e.anyLocal() ? new Scope(true, false, null, null) : new Scope(false, false, e.address(), null);
            }
            if (e.v4Mapped()) {
                return new Scope(false, false, e.canonicalAddress(), null);
            }
            if (e.anyLocal()) {
                return new Scope(!v6only, true, null, null);
            }
            return new Scope(false, false, null, e.address());
        }
    }
}
