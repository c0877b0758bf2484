package org.portzero.suites.checks.parity;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.portzero.model.CheckId;
import org.portzero.model.Family;
import org.portzero.model.PlatformFacts;
import org.portzero.model.SpecLink;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.Role;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.Judgement;
import org.portzero.suites.verdict.PreconditionUnmet;
import org.portzero.suites.verdict.SetupFailed;

/**
 * Claim (statistical): while ports are plentiful, TCP bind(0) prefers the parity opposite to the
 * range's low bound and TCP connect() the low bound's own parity, so the two rarely compete; UDP
 * autobinding prefers neither. The shares are recorded on every platform and asserted only where
 * the catalogue documents them: an even low bound, no IP_LOCAL_PORT_RANGE on the socket, and
 * enough samples (at most a quarter of the range held). Elsewhere the verdict is skip, with the
 * observed share in the reason. A kernel before 4.6 has no preference: that is a behaviour, so it
 * is an expectation (known-deviations.yaml, kernel "<4.6"), never a gate on the version.
 *
 * <p>Spec: {@code inet_csk_find_open_port()} ("__inet_hash_connect() favors ports having @low
 * parity. We do the opposite"), {@code __inet_hash_connect()}, {@code udp_lib_get_port()};
 * docs/CATALOGUE.md B03, B04 (4.6 for bind, 6.8 for connect with IP_LOCAL_PORT_RANGE).
 *
 * <p>Assumes: no other process competes for ports while the samples are taken; the samples (a
 * quarter of the range) are free now, else skip (the {@code PortBudget}).
 */
public final class ParityChecks {

    /**
     * Why a failure here may be the environment's: the claim is a share over samples, not a single
     * counterexample, and ports that other sockets of a shared host hold shift which ports are free.
     */
    static final String STATISTICAL = "a share over samples, which ports other sockets of a shared host hold can shift";

    static final int SAMPLES = 200;
    static final int MIN_SAMPLES_TO_ASSERT = 100;
    /** The share a documented preference must reach. */
    static final double PREFERRED_SHARE = 0.9;
    /** The band an unbiased share must stay in (about ±7 standard deviations at 200 samples). */
    static final double UNBIASED_LOW = 0.25;
    static final double UNBIASED_HIGH = 0.75;

    private static final List<SpecLink> SPECS = List.of(SpecLink.INET_CSK_FIND_OPEN_PORT, SpecLink.INET_HASH_CONNECT,
            SpecLink.UDP_LIB_GET_PORT, SpecLink.RFC_6056);

    private final Bench bench;

    public ParityChecks(Bench bench) {
        this.bench = bench;
    }

    public Stream<Check> checks() {
        List<Check> checks = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            Map<String, String> tcp = Map.of("transport", "tcp", "address_family", "ipv4");
            checks.add(new Check(new CheckId(Family.PARITY, "tcp4_bind0_" + layer.id(), "prefers_opposite_to_low"), layer,
                    "TCP bind(0) hands out ports of the parity opposite to the range's low bound", tcp, SPECS,
                    trace -> bindParity(Transport.TCP, layer, trace))
                    .environmentSensitive(STATISTICAL));
            checks.add(new Check(new CheckId(Family.PARITY, "tcp4_connect_" + layer.id(), "prefers_low_parity"), layer,
                    "TCP connect() autobinds ports of the low bound's parity", tcp, SPECS,
                    trace -> connectParity(layer, trace))
                    .environmentSensitive(STATISTICAL));
            if (bench.layer(layer).supports(Transport.UDP)) {
                checks.add(new Check(new CheckId(Family.PARITY, "udp4_bind0_" + layer.id(), "no_preference"), layer,
                        "UDP bind(0) prefers neither parity", Map.of("transport", "udp", "address_family", "ipv4"), SPECS,
                        trace -> bindParity(Transport.UDP, layer, trace))
                        .environmentSensitive(STATISTICAL));
            }
        }
        return checks.stream();
    }

    private int samples() {
        return Math.min(SAMPLES, bench.facts().portRange().size() / 4);
    }

    /** Why a preference cannot be asserted here, or null when it can. */
    private String undocumented(int n) {
        PlatformFacts f = bench.facts();
        if (f.portRange().low() % 2 != 0) {
            return "the range's low bound " + f.portRange().low() + " is odd";
        }
        if (n < MIN_SAMPLES_TO_ASSERT) {
            return "only " + n + " samples fit in a quarter of the range " + f.portRange();
        }
        return null;
    }

    private Judgement judge(String what, int matching, int n, boolean preference, String where) {
        double share = n == 0 ? 0 : (double) matching / n;
        String observed = String.format("%d of %d (%.0f%%) %s", matching, n, share * 100, what);
        String why = undocumented(n);
        PreconditionUnmet.require(why == null, "informational: " + observed + "; not asserted because " + why);
        // The observed outcome is the band the share fell in, so runs compare; the counts are figures.
        if (preference) {
            boolean holds = share >= PREFERRED_SHARE;
            String expected = String.format(">= %.0f%% %s", PREFERRED_SHARE * 100, what);
            return new Judgement(holds, holds ? expected : String.format("< %.0f%% %s", PREFERRED_SHARE * 100, what),
                    expected, where + observed + (holds ? "" : ", below the documented preference"), null)
                    .withFigures(observed);
        }
        boolean holds = share >= UNBIASED_LOW && share <= UNBIASED_HIGH;
        String expected = String.format("%.0f%%-%.0f%% %s", UNBIASED_LOW * 100, UNBIASED_HIGH * 100, what);
        return new Judgement(holds, holds ? expected : "outside " + expected, expected,
                where + observed + (holds ? "" : ": biased"), null).withFigures(observed);
    }

    private Judgement bindParity(Transport t, Layer layer, Trace trace) {
        int n = samples();
        bench.budget().requirePorts(n, t, n + " samples held at once");
        bench.budget().requireDescriptors(n, n + " samples held at once");
        int lowParity = bench.facts().portRange().low() % 2;
        int opposite = 0;
        for (int i = 0; i < n; i++) {
            ProbeSocket s = bench.layer(layer).open(new SocketShape(AddressFamily.IPV4, t), trace);
            SetupFailed.require("bind(0)", s.bind(new InetSocketAddress(AddressFamily.IPV4.loopback(), 0)));
            if (s.getsockname().port() % 2 != lowParity) {
                opposite++;
            }
        }
        return judge("of the parity opposite to the low bound", opposite, n, t == Transport.TCP,
                t.id() + "4 bind(0) [" + layer.id() + "]: ");
    }

    private Judgement connectParity(Layer layer, Trace trace) {
        int n = samples();
        bench.budget().requirePorts(n + 1, Transport.TCP, "a listener and " + n + " connected samples held at once");
        bench.budget().requireDescriptors(2 * n + 1, "a listener and " + n + " connections (both ends) held at once");
        SocketShape tcp4 = new SocketShape(AddressFamily.IPV4, Transport.TCP);
        ProbeSocket listener = bench.layer(layer).open(tcp4, Role.LISTENER, trace);
        SetupFailed.require("listener bind", listener.bind(new InetSocketAddress(AddressFamily.IPV4.loopback(), 0)));
        SetupFailed.require("listen", listener.listen(n));
        int port = listener.getsockname().port();
        int lowParity = bench.facts().portRange().low() % 2;
        int same = 0;
        for (int i = 0; i < n; i++) {
            ProbeSocket c = bench.layer(layer).open(tcp4, Role.CLIENT, trace);
            Observation connect = SetupFailed.require("connect", c.connect(new InetSocketAddress(AddressFamily.IPV4.loopback(), port)));
            listener.accept();
            if (connect.succeeded() && c.getsockname().port() % 2 == lowParity) {
                same++;
            }
        }
        return judge("of the low bound's parity", same, n, true, "tcp4 connect() [" + layer.id() + "]: ");
    }
}
