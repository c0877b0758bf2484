package org.portzero.suites.checks.unique.porttable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.portzero.model.CheckId;
import org.portzero.model.Family;
import org.portzero.model.SpecLink;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.Replay;
import org.portzero.suites.checks.common.BindAddress;
import org.portzero.suites.checks.common.SocketVariant;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.MissingApi;
import org.portzero.suites.probe.Role;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.Judgement;
import org.portzero.suites.verdict.PreconditionUnmet;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Claim: through any sequence of open, bind(0), bind(explicit), listen, connect, accept,
 * shutdown and close — TCP and UDP, IPv4, IPv6 and dual-stack, with and without SO_REUSEADDR and
 * SO_REUSEPORT — the live port table stays as the {@link PortTable} model says: held ports are
 * stable, autobound ports are ephemeral and unreserved, and no two live sockets share a port
 * unless a reuse rule allows it.
 *
 * <p>Spec: bind(2), socket(7) (SO_REUSEADDR, SO_REUSEPORT), ip(7); docs/CATALOGUE.md B01, B02, B10,
 * B27; kselftest {@code reuseaddr_ports_exhausted.c}.
 *
 * <p>Assumes: one process, one uid (SO_REUSEPORT sharing needs the same uid); loopback only.
 * A sequence that shuts down both ends of a connection leaves the end that shut down first in
 * TIME_WAIT, which no SO_LINGER 0 undoes (the kernel moves it there when the second FIN arrives),
 * holding a port for 60 s. These checks therefore run last in the run ({@link Family.Range#LEAVES_TIME_WAIT},
 * and last in their family), where that port is charged to no other check and nothing waits it out.
 * A falsified sequence is shrunk by QuickTheories, then call by call, and printed as the calls
 * it stands for with the seed that replays it.
 */
public final class PortTableChecks {

    static final int PROPERTY_EXAMPLES = 100;
    static final int MAX_CALLS = 24;

    private static final List<SpecLink> SPECS = List.of(SpecLink.BIND_2, SpecLink.IP_7, SpecLink.SOCKET_7,
            SpecLink.KSELFTEST_REUSEADDR_EXHAUSTED);

    private final Bench bench;

    public PortTableChecks(Bench bench) {
        this.bench = bench;
    }

    public Stream<Check> checks() {
        return Stream.of(Layer.values()).map(layer -> new Check(
                new CheckId(Family.UNIQUE, "sequence_" + layer.id(), "port_table_holds"), layer,
                "any generated call sequence keeps the live port table as the model says",
                Map.of("generator", "callSequences"), SPECS, trace -> judge(layer, trace)));
    }

    /** Generated call sequences for one layer: the calls it can make, on the shapes the platform has. */
    public static Gen<List<SocketCall>> callSequences(Layer layer, org.portzero.model.PlatformFacts facts,
                                                       int maxCalls) {
        List<SocketShape> shapes = new ArrayList<>();
        for (Transport t : Transport.TCP_UDP) {
            for (AddressFamily f : AddressFamily.values()) {
                SocketShape shape = new SocketShape(f, t);
                if (org.portzero.suites.checks.common.SocketVariant.runsHere(shape, layer, facts)) {
                    shapes.add(shape);
                }
            }
        }
        PreconditionUnmet.require(!shapes.isEmpty(), "no socket shape of the " + layer.id() + " layer runs here");
        Gen<Integer> slot = Generate.range(0, SocketCall.SLOTS - 1);
        Gen<Integer> anySlot = Generate.range(0, SocketCall.ALL_SLOTS - 1);
        Gen<BindAddress> address = Generate.enumValues(BindAddress.class);
        Gen<SocketCall> open = slot.zip(Generate.pick(shapes), Generate.enumValues(Role.class), Generate.booleans(),
                Generate.booleans(), (s, shape, role, ra, rp) -> new SocketCall.Open(s, shape, role, ra, rp));
        Gen<SocketCall> call = Generate.frequency(List.of(
                org.quicktheories.api.Pair.of(4, open),
                org.quicktheories.api.Pair.of(3, slot.zip(address, SocketCall.BindZero::new)),
                org.quicktheories.api.Pair.of(2, slot.zip(slot, address, SocketCall.BindToPortOf::new)),
                org.quicktheories.api.Pair.of(2, slot.map(SocketCall.Listen::new)),
                org.quicktheories.api.Pair.of(2, slot.zip(anySlot, SocketCall.Connect::new)),
                org.quicktheories.api.Pair.of(2, slot.map(SocketCall.Accept::new)),
                org.quicktheories.api.Pair.of(1, anySlot.map(SocketCall.Shutdown::new)),
                org.quicktheories.api.Pair.of(2, anySlot.map(SocketCall.Close::new))));
        return SourceDSL.lists().of(call).ofSizeBetween(1, maxCalls)
                .describedAs(calls -> calls.stream().map(Object::toString).collect(Collectors.joining("; ")));
    }

    private Judgement judge(Layer layer, Trace outer) {
        long seed = bench.properties().seedFor("unique.sequence_" + layer.id() + ".port_table_holds");
        int count = bench.properties().examples(PROPERTY_EXAMPLES);
        Gen<List<SocketCall>> sequences = callSequences(layer, bench.facts(), MAX_CALLS);
        AtomicReference<List<SocketCall>> failing = new AtomicReference<>();
        AtomicReference<MissingApi> missing = new AtomicReference<>();
        Map<String, Integer> reach = new java.util.TreeMap<>();
        try {
            QuickTheory.qt().withFixedSeed(seed).withExamples(count).forAll(sequences).check(calls -> {
                calls.forEach(c -> reach.merge(kind(c), 1, Integer::sum));
                if (missing.get() != null) {
                    return true;
                }
                boolean holds;
                try {
                    holds = firstBroken(layer, calls, null).isEmpty();
                } catch (MissingApi m) {
                    // The JDK under test cannot make a call the sequence needs: the property skips, after the
                    // run, as PropertyCheck's do; the engine must not take it for a falsified sequence.
                    missing.set(m);
                    return true;
                }
                if (!holds) {
                    failing.set(calls);
                }
                return holds;
            });
            if (missing.get() != null) {
                throw missing.get();
            }
        } catch (AssertionError falsified) {
            if (failing.get() == null) {
                throw falsified; // the engine failed, not the model: broken, with its cause
            }
            List<SocketCall> minimal = SequenceShrinker.shrink(failing.get(),
                    calls -> firstBroken(layer, calls, null).isPresent());
            Optional<String> broken = firstBroken(layer, minimal, outer);
            String why = broken.orElse("the shrunk sequence no longer fails; the unshrunk one was: " + failing.get());
            return new Judgement(false, "falsified", "the model holds after every call",
                    Replay.falsified("unique.sequence_" + layer.id() + ".port_table_holds", seed) + "\n"
                            + Replay.command("unique.sequence_" + layer.id() + ".port_table_holds", seed,
                            bench.properties()) + "\n" + "smallest sequence (" + minimal.size()
                            + " calls): " + minimal.stream().map(Object::toString).collect(Collectors.joining("; "))
                            + "\n" + why, seed).withReach(reach).withFigures("smallest sequence " + minimal.size() + " calls");
        }
        return new Judgement(true, "every sequence held",
                "the model holds after every call", null, seed).withReach(reach).withFigures(count + " sequences requested");
    }

    /** The kind of a call for the generator's reach: {@code open tcp46}, {@code bindzero}, {@code connect}. */
    static String kind(SocketCall call) {
        if (call instanceof SocketCall.Open o) {
            return "open " + o.shape().id();
        }
        return call.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    /** Runs a sequence under a fresh trace (or the given one, to keep its calls) and returns the first broken claim. */
    private Optional<String> firstBroken(Layer layer, List<SocketCall> calls, Trace keep) {
        try (Trace trace = new Trace()) {
            Optional<String> broken = new SequenceRun(bench, layer, trace).run(calls);
            if (keep != null) {
                keep.adopt(trace.observations());
            }
            return broken;
        }
    }
}
