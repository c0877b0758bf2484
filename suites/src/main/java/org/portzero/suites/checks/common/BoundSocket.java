package org.portzero.suites.checks.common;

import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.Role;
import org.portzero.suites.probe.Trace;

/**
 * A socket after {@code bind(address, 0)}: the bind observation and the layer's getsockname right
 * after it. The shared first step of the bind0, unique and wildcard families.
 */
public record BoundSocket(ProbeSocket socket, Observation bind, Observation name) {

    public static BoundSocket bindToPortZero(Bench bench, SocketVariant variant, Role role, Trace trace) {
        ProbeSocket socket = bench.layer(variant.layer()).open(variant.shape(), role, trace);
        Observation bind = socket.bind(variant.portZero());
        Observation name = socket.getsockname();
        return new BoundSocket(socket, bind, name);
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
