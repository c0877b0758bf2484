package org.portzero.suites.checks.connected;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.portzero.model.CheckId;
import org.portzero.model.Family;
import org.portzero.model.PortNames;
import org.portzero.model.SpecLink;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Endpoint;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.Judgement;
import org.portzero.suites.verdict.SetupFailed;

/**
 * Claim: disconnecting a UDP socket whose port came from bind(0) resets the port to 0 in the
 * kernel ({@code connect(AF_UNSPEC)}: only an explicit port sets SOCK_BINDPORT_LOCK) while keeping
 * an explicitly bound address; the JDK's {@code disconnect()} hides this by binding the channel
 * again to the same port.
 *
 * <p>Spec: connect(2) (AF_UNSPEC dissolves the association), {@code __udp_disconnect()};
 * docs/CATALOGUE.md B26; JDK-8231880 (CSR, JDK 14); jtreg {@code DatagramChannel/AddressesAfterDisconnect.java}.
 *
 * <p>Assumes: the socket is bound to 127.0.0.1 with port 0 before it connects.
 */
public final class DisconnectChecks {

    private final Bench bench;

    public DisconnectChecks(Bench bench) {
        this.bench = bench;
    }

    public Stream<Check> checks() {
        List<Check> checks = new ArrayList<>();
        for (Layer layer : new Layer[] {Layer.SOCKET, Layer.NIO, Layer.LIBC}) {
            String claim = layer == Layer.LIBC
                    ? "after disconnect the kernel resets a bind(0) port to 0 and keeps the bound address"
                    : "after disconnect the JDK keeps the socket's address and port";
            checks.add(new Check(new CheckId(Family.CONNECTED, "udp4_disconnect_" + layer.id(), "local_after_disconnect"),
                    layer, claim, Map.of("transport", "udp", "address_family", "ipv4"),
                    List.of(SpecLink.CONNECT_2, SpecLink.JDK_8231880), trace -> afterDisconnect(layer, trace)));
        }
        return checks.stream();
    }

    private Judgement afterDisconnect(Layer layer, Trace trace) {
        SocketShape udp4 = new SocketShape(AddressFamily.IPV4, Transport.UDP);
        bench.budget().requirePorts(2, Transport.UDP, "a peer and a socket, both bound to port 0");
        ProbeSocket peer = bench.layer(layer).open(udp4, trace);
        SetupFailed.require("peer bind", peer.bind(new InetSocketAddress(AddressFamily.IPV4.loopback(), 0)));
        int peerPort = peer.getsockname().port();
        ProbeSocket s = bench.layer(layer).open(udp4, trace);
        SetupFailed.require("bind", s.bind(new InetSocketAddress(AddressFamily.IPV4.loopback(), 0)));
        Endpoint before = SetupFailed.require("getsockname", s.getsockname()).endpoint();
        SetupFailed.require("connect", s.connect(new InetSocketAddress(AddressFamily.IPV4.loopback(), peerPort)));
        SetupFailed.require("disconnect", s.connect(null));
        Observation after = s.getsockname();
        Observation kernel = s.kernelSockname();
        PortNames ports = new PortNames();
        String observed = "before " + before.shortForm(ports) + ", after " + after.outcome(ports)
                + (layer == Layer.LIBC ? "" : ", kernel " + kernel.outcome(ports));
        String figures = "before " + before.shortForm() + ", after " + after.outcome()
                + (layer == Layer.LIBC ? "" : ", kernel " + kernel.outcome());
        if (layer == Layer.LIBC) {
            boolean ok = after.endpoint() != null && after.endpoint().port() == 0
                    && after.endpoint().address().equals(before.address());
            return Judgement.check(ok, observed, "port 0, address " + before.address(),
                    "udp4 [libc]: after connect(AF_UNSPEC) " + figures).withFigures(figures);
        }
        boolean ok = after.endpoint() != null && after.endpoint().equals(before)
                && kernel.endpoint() != null && kernel.endpoint().port() == before.port();
        return Judgement.check(ok, observed, "unchanged " + before.shortForm(new PortNames()),
                "udp4 [" + layer.id() + "]: after disconnect() " + figures).withFigures(figures);
    }
}
