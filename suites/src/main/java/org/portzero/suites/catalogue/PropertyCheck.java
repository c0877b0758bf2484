package org.portzero.suites.catalogue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.portzero.model.CheckId;
import org.portzero.model.SpecLink;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.MissingApi;
import org.portzero.suites.probe.Observation;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.verdict.Judgement;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * A check whose body is a QuickTheories property: every generated example runs under a trace of
 * its own; on falsification the smallest example's calls join the check's trace and the message
 * carries the seed that replays it and the Maven command that does ({@link Replay}).
 */
public final class PropertyCheck {

    private PropertyCheck() {
    }

    /**
     * @param kinds names the kinds an example covers (its socket shapes), to record the generator's reach
     * @param judge judges one generated example, probing under the trace it is given
     */
    public static <T> Check of(CheckId id, Layer layer, String claim, Map<String, String> parameters,
                               List<SpecLink> specs, PropertySettings settings, int defaultExamples,
                               Gen<T> examples, Function<T, List<String>> kinds, BiFunction<T, Trace, Judgement> judge) {
        return new Check(id, layer, claim, parameters, specs, trace -> run(id, settings, defaultExamples, examples,
                kinds, judge, trace));
    }

    private static <T> Judgement run(CheckId id, PropertySettings settings, int defaultExamples, Gen<T> examples,
                                     Function<T, List<String>> kinds, BiFunction<T, Trace, Judgement> judge, Trace outer) {
        Map<String, Integer> reach = new TreeMap<>();
        long seed = settings.seedFor(id.toString());
        int count = settings.examples(defaultExamples);
        AtomicReference<Judgement> lastFailure = new AtomicReference<>();
        AtomicReference<List<Observation>> lastCalls = new AtomicReference<>(List.of());
        AtomicReference<T> lastExample = new AtomicReference<>();
        AtomicReference<MissingApi> missing = new AtomicReference<>();
        try {
            QuickTheory.qt().withFixedSeed(seed).withExamples(count).forAll(examples).check(example -> {
                kinds.apply(example).forEach(k -> reach.merge(k, 1, Integer::sum));
                if (missing.get() != null) {
                    return true;
                }
                try (Trace trace = new Trace()) {
                    Judgement j;
                    try {
                        j = judge.apply(example, trace);
                    } catch (MissingApi m) {
                        // The JDK under test cannot make a call the example needs: the property skips, after the run.
                        missing.set(m);
                        outer.adopt(trace.observations());
                        return true;
                    }
                    if (!j.holds()) {
                        lastFailure.set(j);
                        lastExample.set(example);
                        lastCalls.set(List.copyOf(trace.observations()));
                    }
                    return j.holds();
                }
            });
            if (missing.get() != null) {
                throw missing.get();
            }
        } catch (AssertionError falsified) {
            outer.adopt(lastCalls.get());
            Judgement smallest = lastFailure.get();
            String recipe = examples.asString(lastExample.get());
            String message = Replay.falsified(id.toString(), seed) + "\n"
                    + Replay.command(id.toString(), seed, settings) + "\n"
                    + "smallest example: " + recipe + "\n"
                    + (smallest == null ? falsified.getMessage() : smallest.message());
            return new Judgement(false, smallest == null ? "falsified" : smallest.observed(),
                    smallest == null ? "" : smallest.expected(), message, seed).withReach(reach)
                    .withFigures(smallest == null ? null : smallest.figures());
        }
        return new Judgement(true, "every example held", "every example holds", null, seed)
                .withReach(reach).withFigures(count + " examples requested");
    }
}
