package org.portzero.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.portzero.suites.probe.Transport;

/**
 * The per-operation part, run inside the benchmark's own network namespace: the C reference
 * loop, the JMH benchmarks of every layer, and range exhaustion. Writes {@code micro.json}.
 *
 * <pre>MicroRun OUT_DIR REFERENCE_SOURCE PARTS</pre>
 */
public final class MicroRun {

    static final int REFERENCE_ROUNDS = 5;
    static final int EXHAUST_ROUNDS = 3;

    private MicroRun() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path source = Path.of(args[1]);
        Set<String> parts = Set.of(args[2].split(","));
        Files.createDirectories(out);
        Map<String, Object> result = new LinkedHashMap<>();
        EphemeralRange range = EphemeralRange.current();
        result.put("portRange", range.low() + "-" + range.high());
        result.put("rangeSize", range.size());

        Optional<ReferenceLoop> reference = ReferenceLoop.compile(source, out.resolve("reference"));
        Map<String, Object> c = new LinkedHashMap<>();
        result.put("reference", c);
        if (reference.isEmpty()) {
            c.put("note", "gcc missing or failed: no C reference loop");
        }
        if (parts.contains("micro")) {
            if (reference.isPresent()) {
                say("C reference: bind0 cycle, connect+accept pair");
                c.put("bind0_ns", reference.get().run("bind0", String.valueOf(REFERENCE_ROUNDS), "100000"));
                c.put("pair_ns", reference.get().run("pair", String.valueOf(REFERENCE_ROUNDS), "20000"));
            }
            result.put("jmh", jmh());
        }
        List<RangeExhaustion.Outcome> exhaustion = new ArrayList<>();
        result.put("exhaustion", exhaustion);
        if (parts.contains("exhaust")) {
            for (Transport t : Transport.values()) {
                for (String mode : List.of("explicit", "bind0")) {
                    boolean slow = t == Transport.TCP && mode.equals("bind0");
                    // TCP bind(0) to the last port takes the kernel minutes (see docs/PERFORMANCE.md): the C loop
                    // shows that once; the layers only with the part exhaust-tcp-bind0.
                    boolean layers = !slow || parts.contains("exhaust-tcp-bind0");
                    int rounds = slow ? 1 : EXHAUST_ROUNDS;
                    if (reference.isPresent()) {
                        say("C reference: " + mode + " exhaustion, " + t.id());
                        c.put(mode + "_" + t.id() + "_ns", reference.get().run(
                                mode.equals("bind0") ? "exhaust" : "explicit", t.id(), String.valueOf(rounds)));
                    }
                    for (String layer : layers ? RangeExhaustion.layersFor(t) : List.<String>of()) {
                        for (int r = 0; r < rounds; r++) {
                            RangeExhaustion.Outcome o = new RangeExhaustion().run(layer, t, mode);
                            say(String.format("%s %s %s: %d ports in %.2f s, then %s",
                                    layer, t.id(), mode, o.ports(), o.nanos() / 1e9, o.refusal()));
                            exhaustion.add(o);
                        }
                    }
                }
            }
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("micro.json").toFile(), result);
    }

    private static List<Map<String, Object>> jmh() throws Exception {
        Options options = new OptionsBuilder()
                .include(BindCycle.class.getName())
                .include(BareBindCycle.class.getName())
                .include(ConnectAcceptPair.class.getName())
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
                        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED")
                .build();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RunResult run : new Runner(options).run()) {
            var params = run.getParams();
            var primary = run.getPrimaryResult();
            List<Double> iterations = new ArrayList<>();
            run.getBenchmarkResults().forEach(b -> b.getIterationResults()
                    .forEach(i -> iterations.add(i.getPrimaryResult().getScore())));
            Map<String, Object> row = new LinkedHashMap<>();
            String benchmark = params.getBenchmark();
            row.put("benchmark", benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1));
            row.put("layer", params.getParamsKeys().contains("layer") ? params.getParam("layer") : null);
            row.put("medianMicros", primary.getStatistics().getPercentile(50));
            row.put("unit", primary.getScoreUnit());
            row.put("iterations", iterations);
            rows.add(row);
        }
        return rows;
    }

    static void say(String line) {
        System.out.println("[portzero-bench] " + line);
        System.out.flush();
    }
}
