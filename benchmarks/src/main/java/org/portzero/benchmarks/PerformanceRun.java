package org.portzero.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's {@code main} (run by {@code mvn -B -Pbenchmarks -pl benchmarks -am verify -DskipTests}):
 * the per-operation part ({@link MicroRun}) in a fresh network namespace ({@code unshare -n}, so
 * nothing else holds ports and the range is the kernel's default), then the scaling part
 * ({@link MatrixScaling}, {@link ExampleScaling}) and the runner against its floor ({@link KernelFloor},
 * part {@code floor}) in the host's. Writes {@code performance.json},
 * {@code performance.md} and {@code scaling.svg} into {@code portzero.bench.out}.
 */
public final class PerformanceRun {

    private PerformanceRun() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("portzero.bench.out", "target/performance")).toAbsolutePath();
        String partsText = System.getProperty("portzero.bench.parts", "micro,exhaust,scaling");
        Set<String> parts = Set.of(partsText.split(","));
        int rounds = Integer.parseInt(System.getProperty("portzero.bench.rounds", "3"));
        Path reference = Path.of(System.getProperty("portzero.bench.reference"));
        Path runnerJar = Path.of(System.getProperty("portzero.runner.jar"));
        Path platformsHome = Path.of(System.getProperty("portzero.platforms.home"));
        Files.createDirectories(out);
        String machine = Machine.describe();
        MicroRun.say("machine: " + machine);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("machine", machine);
        JsonNode micro = null;
        if (parts.contains("micro") || parts.contains("exhaust")) {
            // Exhaustion gets a namespace of its own: connect+accept pairs may leave TIME_WAIT
            // sockets holding ports of the range for a minute.
            String namespace = "";
            if (parts.contains("micro")) {
                namespace = runMicro(out.resolve("per-operation"), reference, "micro");
            }
            if (parts.contains("exhaust")) {
                namespace = runMicro(out.resolve("exhaustion"), reference,
                        parts.contains("exhaust-tcp-bind0") ? "exhaust,exhaust-tcp-bind0" : "exhaust");
            }
            result.put("networkNamespace", namespace);
            micro = merged(out);
            result.put("micro", micro);
        }
        if (parts.contains("floor")) {
            result.put("floor", floor(out.resolve("floor"), reference, runnerJar, rounds));
        }
        List<MatrixScaling.MatrixRun> matrix = new ArrayList<>();
        List<ExampleScaling.ExampleRun> examples = new ArrayList<>();
        if (parts.contains("scaling")) {
            MatrixScaling scaling = new MatrixScaling(out, runnerJar, platformsHome);
            ExampleScaling runner = new ExampleScaling(out, runnerJar);
            for (int r = 1; r <= rounds; r++) {
                for (int n : List.of(1, 2, 4, 8)) {
                    matrix.add(scaling.warm(n, r));
                }
                for (int n : ExampleScaling.EXAMPLES) {
                    examples.add(runner.run(n, r));
                }
            }
            if (parts.contains("cold")) {
                matrix.add(scaling.cold());
            }
            result.put("matrix", matrix);
            result.put("examples", examples);
            Files.writeString(out.resolve("scaling.svg"), plot(matrix, examples));
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("performance.json").toFile(), result);
        String table = PerformanceTable.markdown(micro, matrix, examples, machine)
                + FloorTable.markdown(new ObjectMapper().readTree(out.resolve("performance.json").toFile()));
        Files.writeString(out.resolve("performance.md"), table);
        System.out.println(table);
        MicroRun.say("written: " + out.resolve("performance.md") + ", performance.json, scaling.svg");
    }

    /** {@link KernelFloor}: the runner's socket calls, its time and the C loop's for the same calls. */
    private static List<Map<String, Object>> floor(Path out, Path source, Path runnerJar, int rounds)
            throws IOException, InterruptedException {
        var reference = ReferenceLoop.compile(source, out.resolve("reference"));
        if (reference.isEmpty() || !KernelFloor.straceAvailable()) {
            MicroRun.say("note: the floor part needs gcc and strace; left out");
            return List.of();
        }
        return new KernelFloor(out, runnerJar, reference.get()).measure(rounds).stream().map(KernelFloor::json).toList();
    }

    /** The per-operation and the exhaustion results as one object, the reference figures joined. */
    private static JsonNode merged(Path out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        var merged = json.createObjectNode();
        var reference = json.createObjectNode();
        for (String part : List.of("per-operation", "exhaustion")) {
            Path file = out.resolve(part).resolve("micro.json");
            if (Files.exists(file)) {
                var node = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
                reference.setAll((com.fasterxml.jackson.databind.node.ObjectNode) node.remove("reference"));
                if (node.path("exhaustion").isEmpty()) {
                    node.remove("exhaustion");
                }
                merged.setAll(node);
            }
        }
        merged.set("reference", reference);
        return merged;
    }

    /** Runs {@link MicroRun} under {@code unshare -n} when allowed; returns which namespace it ran in. */
    private static String runMicro(Path out, Path reference, String parts) throws IOException, InterruptedException {
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MicroRun.class.getName(),
                out.toString(), reference.toString(), parts);
        boolean fresh = new ProcessBuilder("unshare", "-n", "true").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        List<String> command = new ArrayList<>();
        if (fresh) {
            command.addAll(List.of("unshare", "-n", "sh", "-c", "ip link set lo up && exec \"$@\"", "sh"));
        } else {
            MicroRun.say("note: unshare -n is not allowed here; running in the host's network namespace, "
                    + "where other processes' ports and the host's range change the exhaustion figures");
        }
        command.addAll(java);
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("the per-operation benchmarks exited " + exit);
        }
        return fresh ? "fresh (unshare -n, loopback only)" : "host";
    }

    /** The right panel plots {@link ExampleScaling.ExampleRun#wallSeconds()}: the whole process, JVM start to exit. */
    static final String RUNNER_PROCESS_LEGEND = "runner process, JVM start to exit, median";

    private static String plot(List<MatrixScaling.MatrixRun> matrix, List<ExampleScaling.ExampleRun> examples) {
        List<double[]> warm = new ArrayList<>();
        for (int n : List.of(1, 2, 4, 8)) {
            List<Double> walls = matrix.stream().filter(r -> r.platforms() == n && r.kind().equals("warm"))
                    .map(MatrixScaling.MatrixRun::wallSeconds).toList();
            if (!walls.isEmpty()) {
                warm.add(new double[] {n, Median.of(walls)});
            }
        }
        List<double[]> cold = matrix.stream().filter(r -> r.kind().equals("cold"))
                .map(r -> new double[] {r.platforms(), r.wallSeconds()}).toList();
        List<double[]> runner = new ArrayList<>();
        for (int n : ExampleScaling.EXAMPLES) {
            List<Double> walls = examples.stream().filter(e -> e.examples() == n)
                    .map(ExampleScaling.ExampleRun::wallSeconds).toList();
            if (!walls.isEmpty()) {
                runner.add(new double[] {n, Median.of(walls)});
            }
        }
        List<ScalingPlot.Series> left = new ArrayList<>();
        left.add(new ScalingPlot.Series("warm (images built), median", "#1f77b4", warm));
        if (!cold.isEmpty()) {
            left.add(new ScalingPlot.Series("cold (JDK image built first)", "#d62728", cold));
        }
        return ScalingPlot.svg("portzero wall time: platform matrix (2 at a time) and property example count",
                left, "container platforms", List.of(new ScalingPlot.Series(RUNNER_PROCESS_LEGEND, "#2ca02c", runner)),
                "-Dportzero.examples=");
    }
}
