package org.portzero.suites.checks.common;

import java.util.ArrayList;
import java.util.List;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.Role;
import org.portzero.suites.probe.SocketLayer;
import org.portzero.suites.probe.Trace;

/**
 * A socket after {@code bind(address, 0)}: the bind observation and the layer's getsockname right
 * after it. The shared first step of the bind0, unique and wildcard families.
 */
public record BoundSocket(ProbeSocket socket, Observation bind, Observation name) {

    public static BoundSocket bindToPortZero(Bench bench, SocketVariant variant, Role role, Trace trace) {
        return crowdAtPortZero(bench, variant, role, 1, trace).get(0);
    }

    /**
     * {@code count} sockets of the variant bound to port 0 at once, in the order they were opened,
     * up to and including the first that is not {@link #bound()}: {@code count} rounds of
     * {@link #bindToPortZero}, made in one call to the layer ({@link SocketLayer#bindCrowd}).
     */
    public static List<BoundSocket> crowdAtPortZero(Bench bench, SocketVariant variant, Role role, int count, Trace trace) {
        List<BoundSocket> crowd = new ArrayList<>(count);
        bench.layer(variant.layer()).bindCrowd(variant.shape(), role, variant.portZero(), count, trace,
                (socket, bind, name) -> {
                    BoundSocket bound = new BoundSocket(socket, bind, name);
                    crowd.add(bound);
                    return bound.bound();
                });
        return crowd;
    }

    /** Whether bind and getsockname both succeeded and produced an address. */
    public boolean bound() {
        return bind.succeeded() && name.succeeded() && name.endpoint() != null;
    }

    public int port() {
        return name.port();
    }

    /** What went wrong when {@link #bound()} is false, for a failure message. */
    public String whyUnbound() {
        return bind.succeeded() ? "getsockname after bind: " + name : "bind failed: " + bind;
    }
}
