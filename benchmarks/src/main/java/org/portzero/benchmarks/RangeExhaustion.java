package org.portzero.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.ProbeSocket;
import org.portzero.suites.probe.SocketLayer;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.probe.Transport;

/**
 * Uses up the whole {@code ip_local_port_range} of one protocol through a probe layer and frees it
 * again, timed with {@link System#nanoTime()} (JMH cannot time across the two processes this
 * takes). One process may hold only RLIMIT_NOFILE descriptors, so the range is taken in two
 * halves whose times add up: the lower half from an empty range in this process (then closed),
 * and the upper half while a {@link PortHolder} process holds as many ports as the lower half
 * took, until the layer reports the range used up.
 *
 * <p>Modes: {@code bind0} binds port 0 until refused (what the {@code exhaust} checks do);
 * {@code explicit} names every port of the range, then one bind(0) must be refused.
 */
final class RangeExhaustion {

    /** One exhaustion: how long, how many ports the range held, and the refusal that ended it. */
    record Outcome(String layer, String transport, String mode, long nanos, int ports, String refusal) {
    }

    private final Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");

    Outcome run(String layerId, Transport transport, String mode) throws IOException, InterruptedException {
        EphemeralRange range = EphemeralRange.current();
        SocketLayer layer = ProbeLayers.byId(layerId);
        boolean explicit = mode.equals("explicit");
        int half = range.half();

        long start = System.nanoTime();
        try (Trace trace = new Trace()) {
            int lower = fill(layer, transport, trace, explicit ? range.low() : 0, half);
            if (lower != half) {
                throw new IllegalStateException(layerId + " " + transport.id() + ": the lower half took " + lower
                        + " ports, expected " + half + " (is something else holding ports?)");
            }
        }
        long lowerNanos = System.nanoTime() - start;

        Process holder = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                PortHolder.class.getName(), transport.id(), mode, String.valueOf(half), String.valueOf(range.low()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (line == null || !line.equals("held " + half)) {
                throw new IllegalStateException("port holder answered " + line);
            }
            start = System.nanoTime();
            int upper;
            String refusal;
            try (Trace trace = new Trace()) {
                upper = fill(layer, transport, trace, explicit ? range.low() + half : 0, range.size() - half);
                ProbeSocket extra = layer.open(ProbeLayers.shape(transport), trace);
                Observation refused = extra.bind(ProbeLayers.LOOPBACK_PORT_ZERO);
                refusal = refused.outcome();
                if (refused.succeeded()) {
                    throw new IllegalStateException(layerId + " " + transport.id() + ": bind(0) succeeded after "
                            + (half + upper) + " ports: " + refused);
                }
            }
            long upperNanos = System.nanoTime() - start;
            return new Outcome(layerId, transport.id(), mode, lowerNanos + upperNanos, half + upper, refusal);
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
    }

    /**
     * Binds up to {@code limit} sockets, to port 0 (firstPort 0) or to consecutive ports, stopping
     * at the first refusal; returns how many were bound. They stay open until the trace closes.
     */
    private static int fill(SocketLayer layer, Transport transport, Trace trace, int firstPort, int limit) {
        var address = ProbeLayers.LOOPBACK_PORT_ZERO.getAddress();
        for (int i = 0; i < limit; i++) {
            ProbeSocket socket = layer.open(ProbeLayers.shape(transport), trace);
            InetSocketAddress local = firstPort == 0 ? ProbeLayers.LOOPBACK_PORT_ZERO
                    : new InetSocketAddress(address, firstPort + i);
            if (!socket.bind(local).succeeded()) {
                return i;
            }
        }
        return limit;
    }

    static List<String> layersFor(Transport transport) {
        return transport == Transport.TCP ? ProbeLayers.IDS : List.of("socket", "nio", "libc");
    }
}
