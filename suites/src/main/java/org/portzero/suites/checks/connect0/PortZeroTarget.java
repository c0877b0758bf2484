package org.portzero.suites.checks.connect0;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.portzero.suites.checks.common.BindAddress;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Transport;

/**
 * A row of the connect0 table: a socket shape, the address whose port 0 it targets, the call
 * (connect, or for UDP send), and the layer. Named {@code udp4_loopback_send_nio}.
 */
public record PortZeroTarget(SocketShape shape, BindAddress target, Call call, Layer layer) {

    /** How the socket reaches port 0. */
    public enum Call {
        CONNECT, SEND;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static List<PortZeroTarget> table() {
        List<PortZeroTarget> rows = new ArrayList<>();
        for (Transport transport : Transport.TCP_UDP) {
            for (Call call : Call.values()) {
                if (transport == Transport.TCP && call == Call.SEND) {
                    continue; // A TCP socket sends only once connected.
                }
                for (AddressFamily family : AddressFamily.values()) {
                    for (BindAddress target : BindAddress.values()) {
                        for (Layer layer : Layer.values()) {
                            if (!layer.opens(transport)) {
                                continue;
                            }
                            rows.add(new PortZeroTarget(new SocketShape(family, transport), target, call, layer));
                        }
                    }
                }
            }
        }
        return rows;
    }

    public String name() {
        return shape.id() + "_" + target.id() + "_" + call.id() + "_" + layer.id();
    }

    public java.net.InetSocketAddress portZero() {
        return new java.net.InetSocketAddress(target.of(shape.family()), 0);
    }

    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("address_family", shape.family().name().toLowerCase(java.util.Locale.ROOT));
        p.put("transport", shape.transport().id());
        p.put("target", target.id());
        p.put("call", call.id());
        return p;
    }

    @Override
    public String toString() {
        return name();
    }
}
