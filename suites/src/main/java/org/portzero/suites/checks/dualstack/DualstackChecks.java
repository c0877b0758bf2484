package org.portzero.suites.checks.dualstack;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.portzero.model.CheckId;
import org.portzero.model.Family;
import org.portzero.model.SpecLink;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.Role;
import org.portzero.suites.probe.SocketOptionName;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.Judgement;
import org.portzero.suites.verdict.PreconditionUnmet;

/**
 * Claim: a TCP bind() on the port of a listening socket fails with EADDRINUSE exactly when the
 * two local addresses overlap — a wildcard covers its whole family, a dual-stack {@code ::}
 * covers IPv4 and IPv6, {@code IPV6_V6ONLY} {@code ::} only IPv6, and a v4-mapped address is the
 * IPv4 address it maps — with no option or SO_REUSEADDR on both sockets (the first one listens,
 * so SO_REUSEADDR does not relax anything); with SO_REUSEPORT on both (same user) every bind
 * succeeds.
 *
 * <p>Spec: bind(2), ip(7), ipv6(7) ({@code IPV6_V6ONLY}), RFC 4291 §2.5.5.2; docs/CATALOGUE.md B24:
 * the oracle of {@code selftests/net/bind_wildcard.c} (socket 0 listens, the six
 * probes {@code 0.0.0.0, 127.0.0.1, ::, ::1, ::ffff:0.0.0.0, ::ffff:127.0.0.1}), which holds
 * before bhash2 (6.1) and after the 6.3–6.9 fixes. Kernels in between deviate; such deviations
 * are expectations data, keyed on the kernel version.
 *
 * <p>Assumes: IPv6 with {@code ::1} on lo (otherwise skipped); the libc layer, so the option
 * and {@code IPV6_V6ONLY} are exactly what the row says; the first socket binds a port that a
 * dual-stack bind(0) found free on both families, the probe binds that port, one probe at a time.
 */
public final class DualstackChecks {

    private static final SpecLink BIND_WILDCARD = new SpecLink("selftests/net/bind_wildcard.c",
            "https://github.com/torvalds/linux/blob/master/tools/testing/selftests/net/bind_wildcard.c");
    private static final List<SpecLink> SPECS = List.of(SpecLink.BIND_2, SpecLink.IPV6_7, SpecLink.RFC_4291, BIND_WILDCARD);

    /** Which addresses of one family a bound address covers. */
    enum Cover { NONE, LOOPBACK, ANY }

    /**
     * A local address on a socket of one kind.
     *
     * @param name   the row name, as in bind_wildcard.c ({@code v6_any_only})
     * @param family IPV4 (AF_INET), IPV6 (AF_INET6 with IPV6_V6ONLY) or DUAL (AF_INET6 without)
     * @param host   the address literal
     * @param v4     the IPv4 addresses it covers
     * @param v6     the IPv6 addresses it covers
     */
    record LocalAddress(String name, AddressFamily family, String host, Cover v4, Cover v6) {
        boolean overlaps(LocalAddress other) {
            return overlap(v4, other.v4) || overlap(v6, other.v6);
        }

        private static boolean overlap(Cover a, Cover b) {
            return a != Cover.NONE && b != Cover.NONE && (a == Cover.ANY || b == Cover.ANY || a == b);
        }

        @Override
        public String toString() {
            return (family == AddressFamily.IPV4 ? "AF_INET " : "AF_INET6 ") + host
                    + (family == AddressFamily.IPV6 ? " (V6ONLY)" : "");
        }
    }

    /** The first (listening) socket's address: bind_wildcard.c's variants, one socket each. */
    static final List<LocalAddress> FIRST = List.of(
            new LocalAddress("v4_any",          AddressFamily.IPV4, "0.0.0.0",          Cover.ANY,      Cover.NONE),
            new LocalAddress("v4_local",        AddressFamily.IPV4, "127.0.0.1",        Cover.LOOPBACK, Cover.NONE),
            new LocalAddress("v6_any",          AddressFamily.DUAL, "::",               Cover.ANY,      Cover.ANY),
            new LocalAddress("v6_any_only",     AddressFamily.IPV6, "::",               Cover.NONE,     Cover.ANY),
            new LocalAddress("v6_local",        AddressFamily.IPV6, "::1",              Cover.NONE,     Cover.LOOPBACK),
            new LocalAddress("v6_v4mapped_any", AddressFamily.DUAL, "::ffff:0.0.0.0",   Cover.ANY,      Cover.NONE),
            new LocalAddress("v6_v4mapped_local", AddressFamily.DUAL, "::ffff:127.0.0.1", Cover.LOOPBACK, Cover.NONE));

    /** The six probes of bind_wildcard.c, each on a plain socket of its kind. */
    static final List<LocalAddress> PROBES = List.of(
            new LocalAddress("v4_any",          AddressFamily.IPV4, "0.0.0.0",          Cover.ANY,      Cover.NONE),
            new LocalAddress("v4_local",        AddressFamily.IPV4, "127.0.0.1",        Cover.LOOPBACK, Cover.NONE),
            new LocalAddress("v6_any",          AddressFamily.DUAL, "::",               Cover.ANY,      Cover.ANY),
            new LocalAddress("v6_local",        AddressFamily.DUAL, "::1",              Cover.NONE,     Cover.LOOPBACK),
            new LocalAddress("v6_v4mapped_any", AddressFamily.DUAL, "::ffff:0.0.0.0",   Cover.ANY,      Cover.NONE),
            new LocalAddress("v6_v4mapped_local", AddressFamily.DUAL, "::ffff:127.0.0.1", Cover.LOOPBACK, Cover.NONE));

    /** The option set on both sockets before bind: none, SO_REUSEADDR or SO_REUSEPORT. */
    enum Reuse {
        PLAIN(Optional.empty()), REUSEADDR(Optional.of(SocketOptionName.SO_REUSEADDR)),
        REUSEPORT(Optional.of(SocketOptionName.SO_REUSEPORT));

        final Optional<SocketOptionName> option;

        Reuse(Optional<SocketOptionName> option) {
            this.option = option;
        }

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The errno the oracle expects for a probe bind, or "ok". */
    static String expected(LocalAddress first, LocalAddress probe, Reuse reuse) {
        if (reuse == Reuse.REUSEPORT) {
            return "ok";
        }
        return first.overlaps(probe) ? "EADDRINUSE" : "ok";
    }

    private final Bench bench;

    public DualstackChecks(Bench bench) {
        this.bench = bench;
    }

    public Stream<Check> checks() {
        return Stream.of(Reuse.values()).flatMap(reuse -> FIRST.stream().flatMap(first -> PROBES.stream().map(probe ->
                new Check(new CheckId(Family.DUALSTACK, first.name() + "_then_" + probe.name(), reuse.id()), Layer.LIBC,
                        "bind(" + probe.host + ", P) after " + first + " listens on P, " + reuse.id() + ": "
                                + expected(first, probe, reuse),
                        Map.of("first", first.toString(), "probe", probe.toString(), "option", reuse.id(),
                                "transport", "tcp"),
                        SPECS, trace -> judge(first, probe, reuse, trace)))));
    }

    private Judgement judge(LocalAddress first, LocalAddress probe, Reuse reuse, Trace trace) throws UnknownHostException {
        PreconditionUnmet.require(bench.facts().ipv6Usable(), "no IPv6 on this platform (/proc/net/if_inet6 lists no ::1 on lo)");
        String where = first + " then " + probe + " [libc, " + reuse.id() + "]: ";
        int free = freeOnBothFamilies(trace);
        ProbeSocket listener = open(first, reuse, trace);
        Observation bound = listener.bind(new InetSocketAddress(InetAddress.getByName(first.host), free));
        if (!bound.succeeded()) {
            return Judgement.broke(bound.outcome(), "bind(" + first.host + ", " + free + ") ok",
                    where + "the first bind failed: " + bound);
        }
        Observation name = listener.getsockname();
        Observation listen = listener.listen(16);
        if (!name.succeeded() || name.port() == 0 || !listen.succeeded()) {
            return Judgement.broke(name.outcome() + " " + listen.outcome(), "a port and a listening socket",
                    where + "the first socket is not listening on a port: " + name + ", " + listen);
        }
        int port = name.port();
        ProbeSocket second = open(probe, reuse, trace);
        Observation result = second.bind(new InetSocketAddress(InetAddress.getByName(probe.host), port));
        String observed = result.succeeded() ? "ok" : Optional.ofNullable(result.failure().errno()).orElse(result.outcome());
        String expected = expected(first, probe, reuse);
        return Judgement.check(observed.equals(expected), observed, expected,
                where + "bind(" + probe.host + ", " + port + ") returned " + result.outcome() + ", expected " + expected
                        + (expected.equals("ok") ? " (the addresses do not overlap" + (reuse == Reuse.REUSEPORT
                        ? ", or SO_REUSEPORT on both)" : ")") : " (the addresses overlap)"));
    }

    /**
     * A port free on IPv4 and IPv6 alike: bind(0) on a dual-stack {@code ::} socket, then close it.
     * A first socket that covers one family only would otherwise get a port some other process
     * holds on the other family, and a non-overlapping probe would collide with that process.
     */
    private int freeOnBothFamilies(Trace trace) throws UnknownHostException {
        ProbeSocket reservation = bench.layer(Layer.LIBC).open(new SocketShape(AddressFamily.DUAL, Transport.TCP), Role.LISTENER, trace);
        Observation bound = reservation.bind(new InetSocketAddress(InetAddress.getByName("::"), 0));
        Observation name = reservation.getsockname();
        reservation.closeSocket();
        if (!bound.succeeded() || !name.succeeded() || name.port() == 0) {
            throw new PreconditionUnmet("no port free on both families: " + bound + ", " + name);
        }
        return name.port();
    }

    private ProbeSocket open(LocalAddress address, Reuse reuse, Trace trace) {
        ProbeSocket socket = bench.layer(Layer.LIBC).open(new SocketShape(address.family(), Transport.TCP), Role.LISTENER, trace);
        reuse.option.ifPresent(option -> socket.setsockopt(option, 1));
        return socket;
    }
}
