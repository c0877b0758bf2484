package org.portzero.suites.checks.sockopt;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.portzero.model.CheckId;
import org.portzero.model.EphemeralRange;
import org.portzero.model.Family;
import org.portzero.model.PortNames;
import org.portzero.model.SpecLink;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.checks.common.EphemeralWindow;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.LibcLayer;
import org.portzero.suites.checks.common.KernelOption;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.SocketOptionName;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.Judgement;
import org.portzero.suites.verdict.PreconditionUnmet;
import org.portzero.suites.verdict.SetupFailed;

/**
 * Claim: {@code IP_BIND_ADDRESS_NO_PORT} makes {@code bind(addr, 0)} reserve no port (getsockname
 * says 0) until connect picks one from the range; {@code IP_LOCAL_PORT_RANGE} clamps a socket's
 * autobinding inside the netns range, accepts a single-port range, refuses {@code lo > hi} and a
 * wrong option length with EINVAL, reads back 0 when unset or reset, and is ignored when its
 * bounds lie outside the netns range. The JDK exposes neither: libc layer only.
 *
 * <p>Spec: IP_BIND_ADDRESS_NO_PORT(2const) (mainline 4.2), IP_LOCAL_PORT_RANGE(2const) (mainline 6.3,
 * backported by some distributions: whether a kernel has either is probed, {@code KernelOption});
 * docs/CATALOGUE.md B11, B12; kselftest {@code ip_local_port_range.c} (late_bind, single_port_range,
 * invalid cases).
 *
 * <p>Assumes: loopback; ports the clamp chooses are free (the clamp window lies in the middle of
 * the netns range, or is the narrow netns range itself), as many as the check holds, else skip
 * (the {@code PortBudget}).
 */
public final class SockoptChecks {

    /** Binds made inside a clamp. */
    static final int CLAMPED_BINDS = 5;

    private final Bench bench;

    public SockoptChecks(Bench bench) {
        this.bench = bench;
    }

    public Stream<Check> checks() {
        List<Check> checks = new ArrayList<>();
        checks.add(check("tcp4_bind_address_no_port_libc", "port_zero_until_connect", Transport.TCP,
                "with IP_BIND_ADDRESS_NO_PORT, bind(127.0.0.1, 0) holds port 0 until connect picks one in range",
                SpecLink.IP_BIND_ADDRESS_NO_PORT, this::bindAddressNoPort));
        for (Transport t : Transport.values()) {
            String v = t.id() + "4_local_port_range_libc";
            checks.add(check(v, "clamps_autobind", t, "bind(0) under IP_LOCAL_PORT_RANGE stays inside the clamp",
                    SpecLink.IP_LOCAL_PORT_RANGE, trace -> clamps(t, trace)));
            checks.add(check(v, "single_port_range", t, "lo == hi is accepted and bind(0) gets exactly that port",
                    SpecLink.IP_LOCAL_PORT_RANGE, trace -> singlePort(t, trace)));
            checks.add(check(v, "lo_above_hi_einval", t, "lo > hi is refused with EINVAL",
                    SpecLink.IP_LOCAL_PORT_RANGE, trace -> loAboveHi(t, trace)));
            checks.add(check(v, "wrong_length_einval", t, "an option of 2 or 8 bytes is refused with EINVAL",
                    SpecLink.IP_LOCAL_PORT_RANGE, trace -> wrongLength(t, trace)));
            checks.add(check(v, "unset_and_reset_read_zero", t, "getsockopt reads 0 before any set and after (0, 0)",
                    SpecLink.IP_LOCAL_PORT_RANGE, trace -> resetReadsZero(t, trace)));
            checks.add(check(v, "outside_netns_range_ignored", t,
                    "bounds wholly below the netns range are ignored: bind(0) stays in the netns range",
                    SpecLink.IP_LOCAL_PORT_RANGE, trace -> outsideIgnored(t, trace)));
        }
        return checks.stream();
    }

    private Check check(String variant, String name, Transport t, String claim, SpecLink spec, Check.Body body) {
        return new Check(new CheckId(Family.SOCKOPT, variant, name), Layer.LIBC, claim,
                Map.of("transport", t.id(), "address_family", "ipv4"), List.of(spec, SpecLink.KSELFTEST_PORT_RANGE), body);
    }

    private ProbeSocket open(Transport t, Trace trace) {
        return bench.layer(Layer.LIBC).open(new SocketShape(AddressFamily.IPV4, t), trace);
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(AddressFamily.IPV4.loopback(), port);
    }

    /** Skips unless this kernel offers IP_LOCAL_PORT_RANGE on the transport's sockets (probed, never a version). */
    private void requirePortRangeOption(Transport t, Trace trace) {
        KernelOption.require(bench, SocketOptionName.IP_LOCAL_PORT_RANGE, new SocketShape(AddressFamily.IPV4, t),
                "a per-socket clamp of the ephemeral range", trace);
    }

    private static int range(int lo, int hi) {
        return (hi << 16) | lo;
    }

    private Judgement bindAddressNoPort(Trace trace) {
        KernelOption.require(bench, SocketOptionName.IP_BIND_ADDRESS_NO_PORT, new SocketShape(AddressFamily.IPV4,
                Transport.TCP), "a bind that reserves no port until connect", trace);
        bench.budget().requirePorts(2, Transport.TCP, "a listener bound to port 0 and a client autobound by connect");
        ProbeSocket listener = open(Transport.TCP, trace);
        SetupFailed.require("listener bind", listener.bind(loopback(0)));
        SetupFailed.require("listen", listener.listen(16));
        int port = listener.getsockname().port();
        ProbeSocket s = open(Transport.TCP, trace);
        SetupFailed.require("setsockopt", s.setsockopt(SocketOptionName.IP_BIND_ADDRESS_NO_PORT, 1));
        SetupFailed.require("bind", s.bind(loopback(0)));
        Observation afterBind = s.getsockname();
        SetupFailed.require("connect", s.connect(loopback(port)));
        Observation afterConnect = s.getsockname();
        EphemeralRange r = bench.facts().portRange();
        boolean ok = afterBind.port() == 0 && r.contains(afterConnect.port());
        PortNames ports = new PortNames();
        String seen = "after bind " + afterBind.outcome() + ", after connect " + afterConnect.outcome();
        return Judgement.check(ok, "after bind " + afterBind.outcome(ports) + ", after connect "
                        + afterConnect.outcome(ports) + inRange(afterConnect),
                "port 0 after bind, in " + r + " after connect",
                "tcp4 [libc]: IP_BIND_ADDRESS_NO_PORT: getsockname after bind " + afterBind.outcome()
                        + ", after connect " + afterConnect.outcome() + " (ip_local_port_range " + r + ")")
                .withFigures(seen + ", ip_local_port_range " + r);
    }

    /** A 16-port clamp in the middle of the netns range (or the narrow range's middle). */
    private int[] clampWindow() {
        EphemeralRange r = bench.facts().portRange();
        int lo = r.low() + r.size() / 2 - 8;
        return new int[] {Math.max(r.low(), lo), Math.min(r.high(), Math.max(r.low(), lo) + 15)};
    }

    private Judgement clamps(Transport t, Trace trace) {
        requirePortRangeOption(t, trace);
        int[] w = clampWindow();
        // The claim is that each of CLAMPED_BINDS held sockets lands in the clamp: never fewer.
        bench.budget().requirePorts(CLAMPED_BINDS, t, w[0], w[1],
                CLAMPED_BINDS + " sockets held under IP_LOCAL_PORT_RANGE " + w[0] + "-" + w[1]);
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < CLAMPED_BINDS; i++) {
            ProbeSocket s = open(t, trace);
            SetupFailed.require("setsockopt", s.setsockopt(SocketOptionName.IP_LOCAL_PORT_RANGE, range(w[0], w[1])));
            Observation bind = s.bind(loopback(0));
            ports.add(bind.succeeded() ? s.getsockname().port() : -1);
        }
        List<Integer> outside = ports.stream().filter(p -> p < w[0] || p > w[1]).toList();
        return Judgement.check(outside.isEmpty(), outside.isEmpty() ? "all in the window" : "outside the window " + outside,
                "all in the window",
                t.id() + "4 [libc]: bind(0) under IP_LOCAL_PORT_RANGE " + w[0] + "-" + w[1] + " gave " + ports)
                .withFigures(ports.size() + " binds in " + w[0] + "-" + w[1] + ": " + ports);
    }

    private Judgement singlePort(Transport t, Trace trace) {
        requirePortRangeOption(t, trace);
        ProbeSocket finder = open(t, trace);
        SetupFailed.require("bind", finder.bind(loopback(0)));
        int port = finder.getsockname().port();
        finder.closeSocket();
        ProbeSocket s = open(t, trace);
        Observation set = s.setsockopt(SocketOptionName.IP_LOCAL_PORT_RANGE, range(port, port));
        Observation bind = s.bind(loopback(0));
        int got = bind.succeeded() ? s.getsockname().port() : -1;
        // The range's one port is P1: bind(0) landing anywhere else reads P2.
        PortNames ports = new PortNames();
        String range = ports.name(port);
        return Judgement.check(set.succeeded() && got == port, "set " + set.outcome() + ", bind(0) -> " + bind.outcome()
                        + (got < 0 ? "" : " port " + ports.name(got)), "accepted, port " + range,
                t.id() + "4 [libc]: IP_LOCAL_PORT_RANGE " + port + "-" + port + ": set " + set.outcome() + ", bind(0) "
                        + bind.outcome() + " got port " + got)
                .withFigures("IP_LOCAL_PORT_RANGE " + port + "-" + port + ", bind(0) got port " + got);
    }

    private Judgement loAboveHi(Transport t, Trace trace) {
        requirePortRangeOption(t, trace);
        int[] w = clampWindow();
        Observation set = open(t, trace).setsockopt(SocketOptionName.IP_LOCAL_PORT_RANGE, range(w[1], w[0]));
        return einval(t, set, "lo " + w[1] + " > hi " + w[0]);
    }

    private Judgement wrongLength(Transport t, Trace trace) {
        requirePortRangeOption(t, trace);
        ProbeSocket s = open(t, trace);
        int[] w = clampWindow();
        byte[] two = ByteBuffer.allocate(2).order(ByteOrder.nativeOrder()).putShort((short) w[0]).array();
        byte[] eight = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(range(w[0], w[1])).putInt(0).array();
        Observation short2 = LibcLayer.setsockoptBytes(s, SocketOptionName.IP_LOCAL_PORT_RANGE, two);
        Observation long8 = LibcLayer.setsockoptBytes(s, SocketOptionName.IP_LOCAL_PORT_RANGE, eight);
        boolean ok = "EINVAL".equals(errno(short2)) && "EINVAL".equals(errno(long8));
        return Judgement.check(ok, "2 bytes: " + short2.outcome() + ", 8 bytes: " + long8.outcome(), "EINVAL, EINVAL",
                t.id() + "4 [libc]: IP_LOCAL_PORT_RANGE with a wrong length gave " + short2.outcome() + " (2 bytes) and "
                        + long8.outcome() + " (8 bytes)");
    }

    private Judgement resetReadsZero(Transport t, Trace trace) {
        requirePortRangeOption(t, trace);
        ProbeSocket s = open(t, trace);
        Observation unset = LibcLayer.getsockopt(s, SocketOptionName.IP_LOCAL_PORT_RANGE);
        int[] w = clampWindow();
        SetupFailed.require("set", s.setsockopt(SocketOptionName.IP_LOCAL_PORT_RANGE, range(w[0], w[1])));
        Observation set = LibcLayer.getsockopt(s, SocketOptionName.IP_LOCAL_PORT_RANGE);
        SetupFailed.require("reset", s.setsockopt(SocketOptionName.IP_LOCAL_PORT_RANGE, 0));
        Observation reset = LibcLayer.getsockopt(s, SocketOptionName.IP_LOCAL_PORT_RANGE);
        boolean ok = "0".equals(unset.detail()) && String.valueOf(range(w[0], w[1])).equals(set.detail())
                && "0".equals(reset.detail());
        String window = w[0] + "-" + w[1];
        String read = "unset " + bounds(unset) + ", set " + bounds(set) + ", reset " + bounds(reset);
        String observed = "unset " + bounds(unset) + ", set " + (window.equals(bounds(set)) ? "the window" : bounds(set))
                + ", reset " + bounds(reset);
        return Judgement.check(ok, observed, "unset 0-0, set the window, reset 0-0",
                t.id() + "4 [libc]: getsockopt(IP_LOCAL_PORT_RANGE) read " + read + " (window " + window + ")")
                .withFigures("window " + window);
    }

    private Judgement outsideIgnored(Transport t, Trace trace) {
        requirePortRangeOption(t, trace);
        EphemeralRange r = bench.facts().portRange();
        PreconditionUnmet.require(r.low() > 2048, "the netns range starts at " + r.low() + ": no room below it");
        ProbeSocket s = open(t, trace);
        SetupFailed.require("set", s.setsockopt(SocketOptionName.IP_LOCAL_PORT_RANGE, range(1024, 2047)));
        Observation bind = s.bind(loopback(0));
        Observation name = bind.succeeded() ? s.getsockname() : bind;
        int port = name.port();
        return Judgement.check(r.contains(port), name.outcome(new PortNames()) + inRange(name), "in " + r,
                t.id() + "4 [libc]: IP_LOCAL_PORT_RANGE 1024-2047 (below the netns range " + r + "): bind(0) "
                        + bind.outcome() + " got port " + port)
                .withFigures("port " + port + ", ip_local_port_range " + r);
    }

    /** {@code  in ip_local_port_range} or {@code  outside …} after an endpoint; nothing after a failure. */
    private String inRange(Observation name) {
        return name.endpoint() == null ? "" : " " + bench.facts().portRange().placement(name.port());
    }

    /** An IP_LOCAL_PORT_RANGE value as {@code lo-hi}. */
    private static String bounds(Observation o) {
        if (!o.succeeded() || o.detail() == null) {
            return o.outcome();
        }
        int v = Integer.parseInt(o.detail());
        return (v & 0xffff) + "-" + (v >>> 16);
    }

    private Judgement einval(Transport t, Observation set, String what) {
        return Judgement.check("EINVAL".equals(errno(set)), set.outcome(), "EINVAL",
                t.id() + "4 [libc]: IP_LOCAL_PORT_RANGE " + what + " gave " + set.outcome());
    }

    private static String errno(Observation o) {
        return o.failure() == null ? null : o.failure().errno();
    }
}
