package org.portzero.benchmarks;

import java.net.InetSocketAddress;
import java.util.List;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.AsyncLayer;
import org.portzero.suites.probe.ChannelLayer;
import org.portzero.suites.probe.ClassicLayer;
import org.portzero.suites.probe.LibcLayer;
import org.portzero.suites.probe.SocketLayer;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Transport;

/** The four probe layers by their ids, and the socket shapes and addresses every benchmark uses. */
final class ProbeLayers {

    static final List<String> IDS = List.of("socket", "nio", "async", "libc");
    static final SocketShape TCP4 = new SocketShape(AddressFamily.IPV4, Transport.TCP);
    static final SocketShape UDP4 = new SocketShape(AddressFamily.IPV4, Transport.UDP);
    /** {@code 127.0.0.1:0}: the kernel picks the port. */
    static final InetSocketAddress LOOPBACK_PORT_ZERO = new InetSocketAddress(AddressFamily.IPV4.loopback(), 0);

    private ProbeLayers() {
    }

    static SocketLayer byId(String id) {
        return switch (id) {
            case "socket" -> new ClassicLayer();
            case "nio" -> new ChannelLayer();
            case "async" -> new AsyncLayer();
            case "libc" -> new LibcLayer();
            default -> throw new IllegalArgumentException("no layer " + id + "; known: " + IDS);
        };
    }

    static SocketShape shape(Transport transport) {
        return transport == Transport.TCP ? TCP4 : UDP4;
    }
}
