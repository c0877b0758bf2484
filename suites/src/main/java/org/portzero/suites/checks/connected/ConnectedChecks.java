package org.portzero.suites.checks.connected;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.portzero.model.CheckId;
import org.portzero.model.Family;
import org.portzero.model.PortNames;
import org.portzero.model.SpecLink;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.checks.common.SocketVariant;
import org.portzero.suites.probe.Endpoint;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.Role;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.Judgement;
import org.portzero.suites.verdict.SetupFailed;

/**
 * Claim: once connected, both ends report specific (non-wildcard) local addresses: the accepted
 * socket's local address is the address the client targeted, although its listener holds the
 * wildcard; the client's local address is the server's peer and the reverse. Over a dual-stack
 * listener the kernel reports the IPv4 client v4-mapped ({@code ::ffff:127.0.0.1}) while the JDK
 * folds it to an {@code Inet4Address}.
 *
 * <p>Spec: getsockname(2), getpeername(2), ipv6(7) (IPV6_V6ONLY, v4-mapped addresses), RFC 4291
 * §2.5.5.2; docs/CATALOGUE.md B21, B22; jtreg {@code Socket/GetLocalAddress.java} (JDK-4106601).
 *
 * <p>Assumes: loopback answers for all of 127/8; the listener binds the wildcard of its family
 * with port 0; every variant uses one API at both ends; two ephemeral ports of the transport are
 * free (the {@code PortBudget}), else skip; an MPTCP row (raw calls only) runs where the kernel opened
 * an MPTCP socket when the runner asked (the platform's facts), else skip. Cleanup closes with SO_LINGER 0, so no TIME_WAIT is left.
 */
public final class ConnectedChecks {

    private static final List<SpecLink> SPECS = List.of(SpecLink.GETSOCKNAME_2, SpecLink.IPV6_7, SpecLink.RFC_4291,
            SpecLink.JDK_4106601);

    /** A row: a path, a transport and a layer. Named {@code tcp_other127_nio}. */
    public record Row(ConnectionPath path, Transport transport, Layer layer) {
        public String name() {
            return transport.id() + "_" + path.id() + "_" + layer.id();
        }

        Map<String, String> parameters() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("path", path.id());
            p.put("transport", transport.id());
            p.put("target", Endpoint.spell(path.target()));
            return p;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** Both ends after connect and accept (TCP) or after connect (UDP, no server socket of its own). */
    record Connection(ProbeSocket client, ProbeSocket accepted, int port, Observation clientName,
                      Observation clientPeer, Observation acceptedName, Observation acceptedPeer) {
    }

    private final Bench bench;

    public ConnectedChecks(Bench bench) {
        this.bench = bench;
    }

    public static List<Row> table() {
        List<Row> rows = new ArrayList<>();
        for (Transport transport : Transport.values()) {
            for (ConnectionPath path : ConnectionPath.values()) {
                for (Layer layer : Layer.values()) {
                    if (!layer.opens(transport)) {
                        continue;
                    }
                    rows.add(new Row(path, transport, layer));
                }
            }
        }
        return rows;
    }

    public Stream<Check> checks() {
        return table().stream().flatMap(row -> {
            Stream.Builder<Check> b = Stream.builder();
            b.add(check(row, "client_local_specific", "the client's local address after connect is specific",
                    this::clientLocalSpecific));
            if (row.transport().stream()) {
                b.add(check(row, "accepted_local_is_target",
                        "the accepted socket's local address is the address the client targeted", this::acceptedLocalIsTarget));
                b.add(check(row, "client_local_is_server_peer", "the client's local address is the server's peer",
                        this::clientLocalIsServerPeer));
                b.add(check(row, "server_local_is_client_peer", "the server's local address is the client's peer",
                        this::serverLocalIsClientPeer));
                if (row.path() == ConnectionPath.DUAL) {
                    b.add(check(row, "v4_mapped_form", "the kernel reports an IPv4 client of a dual-stack listener "
                            + "v4-mapped; the JDK reports it as an Inet4Address", this::v4MappedForm));
                }
            }
            return b.build();
        });
    }

    private interface Claim {
        Judgement judge(Row row, Connection c);
    }

    private Check check(Row row, String name, String claim, Claim body) {
        return new Check(new CheckId(Family.CONNECTED, row.name(), name), row.layer(), claim, row.parameters(), SPECS,
                trace -> {
                    SocketVariant.requireShape(new SocketShape(row.path().listener(), row.transport()), row.layer(), bench.facts());
                    return body.judge(row, connect(row, trace));
                });
    }

    private Connection connect(Row row, Trace trace) {
        // The listener's bind(0) and the client's autobinding each take a port (the accepted socket shares the listener's).
        bench.budget().requirePorts(2, row.transport(), "a listener bound to port 0 and a client autobound by connect");
        SocketShape listenerShape = new SocketShape(row.path().listener(), row.transport());
        SocketShape clientShape = new SocketShape(row.path().client(), row.transport());
        ProbeSocket server = bench.layer(row.layer()).open(listenerShape, Role.LISTENER, trace);
        SetupFailed.require("listener bind", server.bind(new InetSocketAddress(row.path().listener().wildcard(), 0)));
        if (row.transport().stream()) {
            SetupFailed.require("listen", server.listen(16));
        }
        int port = SetupFailed.require("listener getsockname", server.getsockname()).port();
        ProbeSocket client = bench.layer(row.layer()).open(clientShape, Role.CLIENT, trace);
        SetupFailed.require("connect", client.connect(new InetSocketAddress(row.path().target(), port)));
        Observation clientName = client.getsockname();
        Observation clientPeer = client.getpeername();
        if (!row.transport().stream()) {
            return new Connection(client, null, port, clientName, clientPeer, null, null);
        }
        ProbeSocket.Accepted accepted = server.accept();
        SetupFailed.require("accept", accepted.observation());
        ProbeSocket a = accepted.socket();
        return new Connection(client, a, port, clientName, clientPeer, a.getsockname(), a.getpeername());
    }

    private static String where(Row row) {
        return row + " [" + row.layer().id() + "]: ";
    }

    private Judgement clientLocalSpecific(Row row, Connection c) {
        Endpoint local = c.clientName().endpoint();
        boolean ok = local != null && !local.anyLocal() && local.port() != 0;
        return Judgement.check(ok, c.clientName().outcome(new PortNames()), "a specific address, port != 0",
                where(row) + "after connect to " + Endpoint.spell(row.path().target()) + " port " + c.port()
                        + " the client's getsockname is " + c.clientName().outcome())
                .withFigures("client.local=" + c.clientName().outcome());
    }

    private Judgement acceptedLocalIsTarget(Row row, Connection c) {
        Endpoint local = c.acceptedName().endpoint();
        String target = Endpoint.spell(row.path().target());
        boolean ok = local != null && local.canonicalAddress().equals(target) && local.port() == c.port();
        // The targeted port is P1: an accepted socket on another port reads P2.
        PortNames ports = new PortNames();
        String expected = target + ":" + ports.name(c.port());
        return Judgement.check(ok, c.acceptedName().outcome(ports), expected,
                where(row) + "the accepted socket reports local " + c.acceptedName().outcome()
                        + " but the client targeted " + target + ":" + c.port())
                .withFigures("accepted.local=" + c.acceptedName().outcome() + " target=" + target + ":" + c.port());
    }

    private Judgement clientLocalIsServerPeer(Row row, Connection c) {
        return localIsPeer(row, "client", c.clientName(), "server", c.acceptedPeer());
    }

    private Judgement serverLocalIsClientPeer(Row row, Connection c) {
        return localIsPeer(row, "server", c.acceptedName(), "client", c.clientPeer());
    }

    /** One end's local address is specific and is what the other end reports as its peer. */
    private Judgement localIsPeer(Row row, String end, Observation local, String other, Observation peer) {
        Endpoint mine = local.endpoint();
        boolean ok = mine != null && mine.sameAs(peer.endpoint()) && !mine.anyLocal();
        PortNames ports = new PortNames();
        return Judgement.check(ok, end + ".local=" + local.outcome(ports) + " " + other + ".peer=" + peer.outcome(ports),
                end + ".local == " + other + ".peer",
                where(row) + end + " local " + local.outcome() + " differs from the " + other + "'s peer " + peer.outcome())
                .withFigures(end + ".local=" + local.outcome() + " " + other + ".peer=" + peer.outcome());
    }

    private Judgement v4MappedForm(Row row, Connection c) {
        Observation kernel = c.accepted().kernelSockname();
        Endpoint api = c.acceptedName().endpoint();
        Endpoint k = kernel.endpoint();
        boolean kernelMapped = k != null && k.v4Mapped() && k.canonicalAddress().equals("127.0.0.1");
        boolean apiForm = row.layer() == Layer.LIBC ? api != null && api.v4Mapped()
                : api != null && api.family().equals("inet") && api.address().equals("127.0.0.1");
        PortNames ports = new PortNames();
        String observed = "api=" + c.acceptedName().outcome(ports) + " kernel=" + kernel.outcome(ports);
        String seen = "api=" + c.acceptedName().outcome() + " kernel=" + kernel.outcome();
        return Judgement.check(kernelMapped && apiForm, observed,
                row.layer() == Layer.LIBC ? "kernel ::ffff:127.0.0.1" : "api Inet4Address 127.0.0.1, kernel ::ffff:127.0.0.1",
                where(row) + "expected the kernel's ::ffff:127.0.0.1"
                        + (row.layer() == Layer.LIBC ? "" : " folded by the JDK to an Inet4Address") + "; saw " + seen)
                .withFigures(seen);
    }
}
