package org.portzero.suites.checks.connect0;

import java.util.List;
import java.util.stream.Stream;
import org.portzero.model.CheckId;
import org.portzero.model.Family;
import org.portzero.model.PortNames;
import org.portzero.model.SpecLink;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.checks.common.SocketVariant;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.Judgement;
import org.portzero.suites.verdict.SetupFailed;

/**
 * Claim: connecting or sending to port 0 is refused, and by whom is fixed: the kernel refuses a
 * TCP connect (a SYN to port 0 draws a RST: ECONNREFUSED, which the JDK turns into
 * ConnectException); the JDK refuses UDP connect and send with SocketException before the kernel
 * sees them, while the kernel itself accepts a UDP connect to port 0 and refuses sendto with EINVAL.
 * After the call the socket is in a definite state: never connected after a refusal; autobound
 * only where the kernel saw the call.
 *
 * <p>Spec: connect(2), udp(7); docs/CATALOGUE.md B15–B17; JDK-8236105 and JDK-8240533 (UDP port 0,
 * JDK 15+); jtreg {@code DatagramChannel/ConnectPortZero.java}, {@code SendPortZero.java}.
 *
 * <p>Assumes: Linux; the socket is unbound before the call; a wildcard target means loopback (B18).
 */
public final class Connect0Checks {

    private static final byte[] PAYLOAD = {'p', 'z'};
    private static final List<SpecLink> SPECS = List.of(SpecLink.CONNECT_2, SpecLink.IP_7,
            SpecLink.JDK_8236105, SpecLink.JDK_8240533);

    private final Bench bench;

    public Connect0Checks(Bench bench) {
        this.bench = bench;
    }

    public Stream<Check> checks() {
        return PortZeroTarget.table().stream().flatMap(row -> {
            PortZeroRefusal expected = PortZeroRefusal.expectedFor(row);
            String outcomeCheck = expected.refuses() ? "refused_by_" + expected.refusedBy() : "accepted_by_kernel";
            String claim = row.call().id() + " to " + row.portZero() + " over " + row.shape().id() + " gives "
                    + expected.shortForm();
            return Stream.of(
                    new Check(new CheckId(Family.CONNECT0, row.name(), outcomeCheck), row.layer(), claim,
                            row.parameters(), SPECS, trace -> outcome(row, expected, trace)),
                    new Check(new CheckId(Family.CONNECT0, row.name(), "state_after_call"), row.layer(),
                            "after " + row.call().id() + " to port 0 the socket is in the state its refuser leaves",
                            row.parameters(), SPECS, trace -> stateAfter(row, expected, trace)));
        });
    }

    private Observation callPortZero(PortZeroTarget row, ProbeSocket socket) {
        return row.call() == PortZeroTarget.Call.CONNECT
                ? socket.connect(row.portZero())
                : socket.send(row.portZero(), PAYLOAD);
    }

    private ProbeSocket openUnbound(PortZeroTarget row, Trace trace) {
        SocketVariant.requireShape(row.shape(), row.layer(), bench.facts());
        return bench.layer(row.layer()).open(row.shape(), trace);
    }

    private Judgement outcome(PortZeroTarget row, PortZeroRefusal expected, Trace trace) {
        ProbeSocket socket = openUnbound(row, trace);
        Observation call = callPortZero(row, socket);
        boolean refusedAsDue = expected.matches(call);
        // The outcome is the claim's result: the refusal in its one spelling. The JDK's full text (a
        // build may append "(connect failed)" or the address) is a figure, shown and not compared.
        return Judgement.check(refusedAsDue, refusedAsDue ? expected.shortForm() : call.outcome(), expected.shortForm(),
                row + " [" + row.layer().id() + "]: " + row.call().id() + "(" + row.portZero() + ") gave "
                        + call.outcome() + "; expected " + expected.shortForm() + " from the " + expected.refusedBy())
                .withFigures(call.outcome());
    }

    /**
     * The state a call to port 0 leaves, per row (docs/CATALOGUE.md B16, B17 and the JDK sources):
     *
     * <pre>
     *   row                 open  peer              local port  why
     *   tcp, libc           yes   ENOTCONN          any         the kernel leaves the fd open after ECONNREFUSED
     *   tcp, nio / async    no    no descriptor     -           a channel whose connect fails is closed
     *                                                           (SocketChannel.connect, UnixAsynchronousSocketChannelImpl)
     *   tcp, socket         any   no descriptor     -           NioSocketImpl.connect closes its descriptor; whether
     *                                                           Socket.isClosed() says so differs by release (recorded)
     *   udp connect, JDK    yes   ENOTCONN          0           refused before any system call
     *   udp send, JDK       yes   ENOTCONN          != 0        DatagramChannelImpl.send binds an unbound channel
     *                                                           (beginWrite) before it rejects port 0
     *   udp connect, libc   yes   ENOTCONN          != 0, and   the kernel connects and autobinds, but
     *                                               a specific  inet_getname() answers ENOTCONN while the
     *                                               address     destination port is 0
     *   udp send, libc      yes   ENOTCONN          != 0        inet_send_prepare autobinds before EINVAL
     * </pre>
     *
     * A row whose socket stays open is judged on the kernel's view of its descriptor; when the
     * harness cannot read that descriptor the check is broken, never a local port 0.
     */
    private Judgement stateAfter(PortZeroTarget row, PortZeroRefusal expected, Trace trace) {
        ProbeSocket socket = openUnbound(row, trace);
        Observation call = callPortZero(row, socket);
        Observation state = socket.state();
        Observation kernelName = socket.kernelSockname();
        Observation kernelPeer = socket.kernelPeername();
        return stateAfter(row, call, state, kernelName, kernelPeer)
                .withFigures("local=" + kernelName.outcome() + " peer=" + kernelPeer.outcome());
    }

    private Judgement stateAfter(PortZeroTarget row, Observation call, Observation state, Observation kernelName,
                                 Observation kernelPeer) {
        String detail = state.detail() == null ? "" : state.detail();
        boolean open = detail.contains("open=true");
        boolean apiConnected = detail.contains("connected=true");
        boolean hasFd = kernelName.succeeded() && kernelName.endpoint() != null;
        boolean peerless = !kernelPeer.succeeded() && "ENOTCONN".equals(kernelPeer.failure().errno());
        // The outcome names the local port only as 0 or not (P1): the kernel's pick is a figure.
        String observed = detail + " local=" + kernelName.outcome(new PortNames()) + " peer=" + kernelPeer.outcome();
        String seen = detail + " local=" + kernelName.outcome() + " peer=" + kernelPeer.outcome();
        String where = row + " [" + row.layer().id() + "] after " + call + ": ";
        boolean udp = row.shape().transport() == Transport.UDP;
        boolean send = row.call() == PortZeroTarget.Call.SEND;

        if (apiConnected || kernelPeer.succeeded()) {
            return Judgement.broke(observed, "no peer",
                    where + "the socket reports a peer after " + row.call().id() + " to port 0: " + seen);
        }
        if (!udp && row.layer().isJdk()) {
            if (!kernelName.succeeded() && ProbeSocket.NO_DESCRIPTOR.equals(kernelName.failure().exception())) {
                // Neither a descriptor nor a sign of closing: the harness is blind here, which is no pass.
                throw new SetupFailed("finding the descriptor, or the sign that it was closed", kernelName);
            }
            boolean closedByJdk = !kernelName.succeeded() && ProbeSocket.CLOSED.equals(kernelName.failure().exception());
            boolean closed = closedByJdk && (row.layer() == Layer.SOCKET || !open);
            return Judgement.check(closed, observed,
                    row.layer() == Layer.SOCKET ? "no descriptor left, not connected" : "closed, no descriptor left",
                    where + "the JDK closes a socket whose connect failed, so no descriptor should be left"
                            + (row.layer() == Layer.SOCKET ? "" : " and the channel should report itself closed")
                            + "; saw " + seen);
        }
        if (!open) {
            return Judgement.broke(observed, "open",
                    where + "a " + row.call().id() + " to port 0 should leave the socket open; saw " + seen);
        }
        if (!hasFd) {
            throw new SetupFailed("reading the kernel's local address of the open socket", kernelName);
        }
        if (!peerless) {
            return Judgement.broke(observed, "peer ENOTCONN",
                    where + "the kernel's getpeername should answer ENOTCONN; saw " + seen);
        }
        int localPort = kernelName.port();
        if (!udp) {
            return Judgement.held(observed, "open, peer ENOTCONN");
        }
        if (row.layer().isJdk() && !send) {
            return Judgement.check(localPort == 0, observed, "open, peer ENOTCONN, local port 0",
                    where + "the JDK refused before any system call, so the socket should stay open and unbound; saw "
                            + seen);
        }
        if (row.layer().isJdk()) {
            return Judgement.check(localPort != 0, observed, "open, peer ENOTCONN, local port != 0",
                    where + "DatagramChannelImpl.send binds an unbound channel before it rejects port 0; saw " + seen);
        }
        if (!send) {
            boolean specific = !kernelName.endpoint().anyLocal();
            return Judgement.check(localPort != 0 && specific, observed,
                    "open, peer ENOTCONN, specific local address, local port != 0",
                    where + "connect to port 0 should autobind and pick a source address; saw " + seen);
        }
        return Judgement.check(localPort != 0, observed, "open, peer ENOTCONN, local port != 0",
                where + "sendto should autobind before it fails with EINVAL; saw " + seen);
    }
}
