package org.portzero.suites.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.portzero.model.EphemeralRange;
import org.portzero.model.PlatformFacts;
import org.portzero.model.PortSet;
import org.portzero.suites.probe.SocketTables;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.PreconditionUnmet;
import org.portzero.suites.verdict.SetupFailed;

/**
 * What the platform can spare a check now: the ephemeral ports autobinding can still hand out
 * per transport (the live {@code ip_local_port_range}, less the {@code ip_local_reserved_ports}
 * inside it, less the ports the kernel's socket tables list inside it: other processes' sockets
 * and TIME_WAIT entries), and the file descriptors left under {@code RLIMIT_NOFILE}.
 *
 * <p>A check that needs N ports (or descriptors) at once asks before it opens anything and skips
 * when short, with "needs N free ports, M are free": a platform with few ports is not a platform
 * that fails. A check never lowers N to fit the budget; only a check whose claim does not depend on
 * N (distinctness holds among 2 sockets as among 200) may size itself from {@link #freePorts}, and
 * says so where it does. Lives beside {@link Bench}, which hands it out, so tests can give a check a
 * fake budget.
 *
 * <p>Blind spot: a TCP socket that is bound but neither listens nor connects is not listed in
 * {@code /proc/net/tcp}; another process's such socket counts as free here.
 *
 * @param range           the live {@code ip_local_port_range}
 * @param reserved        the live {@code ip_local_reserved_ports}
 * @param tcpInUse        TCP ports the socket tables list (any state, both families)
 * @param udpInUse        UDP ports the socket tables list (both families)
 * @param freeDescriptors descriptors that can still be opened ({@code RLIMIT_NOFILE} less the open ones)
 * @param netnsOfItsOwn   whether the runner is alone in its network namespace (a platform that declares
 *                        {@code loopback}: a container with no network but its own loopback). There, a
 *                        listed port is a leftover of an earlier check, and a shortage it causes is the
 *                        harness's fault: {@code broken}, never a skip that would hide the leak
 */
public record PortBudget(EphemeralRange range, PortSet reserved, Set<Integer> tcpInUse, Set<Integer> udpInUse,
                         int freeDescriptors, boolean netnsOfItsOwn) {

    /** A budget on a shared network namespace (the host, tests). */
    public PortBudget(EphemeralRange range, PortSet reserved, Set<Integer> tcpInUse, Set<Integer> udpInUse,
                      int freeDescriptors) {
        this(range, reserved, tcpInUse, udpInUse, freeDescriptors, false);
    }

    /** Reads the budget when a check asks for it; the live one by default, a fixed one in tests. */
    @FunctionalInterface
    public interface Source {
        PortBudget now();
    }

    public PortBudget {
        tcpInUse = Set.copyOf(tcpInUse);
        udpInUse = Set.copyOf(udpInUse);
    }

    /** The budget as it is now: the facts' range and reserved ports, the live socket tables and descriptors. */
    public static PortBudget live(PlatformFacts facts) {
        return new PortBudget(facts.portRange(), facts.reservedPorts(), SocketTables.listedPorts(Transport.TCP),
                SocketTables.listedPorts(Transport.UDP), openFileLimit() - openDescriptors(),
                Bench.declaredConfinement().contains(Bench.LOOPBACK_ONLY));
    }

    /** Free ephemeral ports of the transport in the whole range. */
    public int freePorts(Transport t) {
        return freePorts(t, range.low(), range.high());
    }

    /** Free ephemeral ports of the transport in {@code low..high} (clipped to the range), e.g. a per-socket window. */
    public int freePorts(Transport t, int low, int high) {
        Set<Integer> inUse = t.portSpace() == Transport.TCP ? tcpInUse : udpInUse;
        int free = 0;
        for (int p = Math.max(low, range.low()); p <= Math.min(high, range.high()); p++) {
            if (!reserved.contains(p) && !inUse.contains(p)) {
                free++;
            }
        }
        return free;
    }

    /** Skips unless {@code needed} ports of the transport are free; {@code forWhat} says which sockets need them. */
    public void requirePorts(int needed, Transport t, String forWhat) {
        requirePorts(needed, t, range.low(), range.high(), forWhat);
    }

    /** Skips unless {@code needed} ports of the transport are free in {@code low..high}. */
    public void requirePorts(int needed, Transport t, int low, int high, String forWhat) {
        int free = freePorts(t, low, high);
        if (free < needed) {
            int lo = Math.max(low, range.low());
            int hi = Math.min(high, range.high());
            int inUse = lo > hi ? 0 : hi - lo + 1 - reserved.countIn(lo, hi) - free;
            String where = lo > hi ? "none of " + low + "-" + high + " is in the range " + range
                    : t.id() + " ports " + lo + "-" + hi + " less " + reserved.countIn(lo, hi) + " reserved and "
                    + inUse + " in use";
            if (netnsOfItsOwn && inUse > 0) {
                throw new SetupFailed(shortOfPorts(needed, free) + ": " + forWhat + " (" + where + "); alone in its"
                        + " network namespace, the harness itself left the " + inUse + " port(s) in use: a leak of an"
                        + " earlier check, not a scarce platform");
            }
            throw new PreconditionUnmet(shortOfPorts(needed, free) + ": " + forWhat + " (" + where + ")");
        }
    }

    /** Skips unless {@code needed} descriptors can still be opened. */
    public void requireDescriptors(int needed, String forWhat) {
        if (freeDescriptors < needed) {
            throw new PreconditionUnmet("needs " + needed + " free descriptors, " + Math.max(0, freeDescriptors)
                    + " are free: " + forWhat + " (RLIMIT_NOFILE less the open descriptors)");
        }
    }

    /** The one wording of a port shortage. */
    public static String shortOfPorts(int needed, int free) {
        return "needs " + needed + " free ports, " + Math.max(0, free) + " are free";
    }

    /** The soft {@code RLIMIT_NOFILE} of this process, from {@code /proc/self/limits}. */
    public static int openFileLimit() {
        try {
            return Files.readAllLines(Path.of("/proc/self/limits")).stream()
                    .filter(l -> l.startsWith("Max open files"))
                    .map(l -> l.substring("Max open files".length()).trim().split("\\s+")[0])
                    .map(v -> v.equals("unlimited") ? Integer.MAX_VALUE : Integer.parseInt(v))
                    .findFirst().orElse(1024);
        } catch (IOException | RuntimeException e) {
            return 1024;
        }
    }

    private static int openDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
