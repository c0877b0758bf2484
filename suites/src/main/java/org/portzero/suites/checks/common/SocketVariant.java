package org.portzero.suites.checks.common;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.portzero.model.PlatformFacts;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.PreconditionUnmet;

/**
 * A row of the variant table shared by the binding families: a socket shape, the address it
 * binds to, and the layer it goes through. Named {@code tcp4_loopback_nio}, {@code udp46_wildcard_libc}.
 */
public record SocketVariant(SocketShape shape, BindAddress address, Layer layer) {

    /**
     * Every row of {transport} × {family} × {address} × {layer} the layer has sockets for (MPTCP
     * through the raw system calls only; TCP alone through the asynchronous channels).
     */
    public static List<SocketVariant> table(List<BindAddress> addresses) {
        List<SocketVariant> rows = new ArrayList<>();
        for (Transport transport : Transport.values()) {
            for (AddressFamily family : AddressFamily.values()) {
                for (BindAddress address : addresses) {
                    for (Layer layer : Layer.values()) {
                        if (!layer.opens(transport)) {
                            continue;
                        }
                        rows.add(new SocketVariant(new SocketShape(family, transport), address, layer));
                    }
                }
            }
        }
        return rows;
    }

    public String name() {
        return shape.id() + "_" + address.id() + "_" + layer.id();
    }

    /** The local address to bind, with port 0. */
    public InetSocketAddress portZero() {
        return new InetSocketAddress(address.of(shape.family()), 0);
    }

    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("address_family", shape.family().name().toLowerCase(java.util.Locale.ROOT));
        p.put("transport", shape.transport().id());
        p.put("address", address.id());
        return p;
    }

    /**
     * Skips when the platform cannot host this row: no IPv6, a JDK without dual-stack sockets, or
     * a kernel that refused an MPTCP socket.
     */
    public void requireSupported(PlatformFacts facts) {
        requireShape(shape, layer, facts);
    }

    public static void requireShape(SocketShape shape, Layer layer, PlatformFacts facts) {
        whyNot(shape, layer, facts).ifPresent(reason -> {
            throw new PreconditionUnmet(reason);
        });
    }

    /** Why sockets of the shape cannot be opened through the layer here, or empty when they can. */
    static java.util.Optional<String> whyNot(SocketShape shape, Layer layer, PlatformFacts facts) {
        if (shape.transport() == Transport.MPTCP && !facts.mptcpOffered()) {
            return java.util.Optional.of("no MPTCP in this kernel: " + (facts.mptcp() == null
                    ? "the runner did not ask (a record from before it did)" : facts.mptcp().toString()));
        }
        AddressFamily family = shape.family();
        if (family.needsIpv6() && !facts.ipv6Usable()) {
            return java.util.Optional.of("no IPv6 on this platform (/proc/net/if_inet6 lists no ::1 on lo)");
        }
        if (family.needsIpv6() && layer != Layer.LIBC && !facts.jdkUsesIpv6()) {
            return java.util.Optional.of("the JDK opens IPv4-only sockets here (java.net.preferIPv4Stack=true)");
        }
        return java.util.Optional.empty();
    }

    /** Whether the layer has sockets of this shape and the platform can host them: what generators may draw. */
    public static boolean runsHere(SocketShape shape, Layer layer, PlatformFacts facts) {
        return layer.opens(shape.transport()) && whyNot(shape, layer, facts).isEmpty();
    }

    @Override
    public String toString() {
        return name();
    }
}
