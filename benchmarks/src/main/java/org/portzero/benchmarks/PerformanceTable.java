package org.portzero.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Markdown docs/PERFORMANCE.md is made from: medians, ratios to the C loop, targets. */
final class PerformanceTable {

    private PerformanceTable() {
    }

    static String markdown(JsonNode micro, List<MatrixScaling.MatrixRun> matrix, List<ExampleScaling.ExampleRun> examples,
                           String machine) {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(machine).append("\n\n");
        if (micro != null && micro.has("jmh")) {
            perOperation(md, micro);
        }
        if (micro != null && micro.path("exhaustion").size() > 0) {
            exhaustion(md, micro);
        }
        if (!matrix.isEmpty()) {
            matrix(md, matrix);
        }
        if (!examples.isEmpty()) {
            md.append("\n| examples (`-Dportzero.examples=`) | runner wall, median | process wall, median |\n|---:|---:|---:|\n");
            for (int n : ExampleScaling.EXAMPLES) {
                List<ExampleScaling.ExampleRun> at = examples.stream().filter(e -> e.examples() == n).toList();
                if (!at.isEmpty()) {
                    md.append(String.format(Locale.ROOT, "| %d | %.1f s | %.1f s |%n", n,
                            Median.of(at.stream().map(ExampleScaling.ExampleRun::runnerSeconds).toList()),
                            Median.of(at.stream().map(ExampleScaling.ExampleRun::wallSeconds).toList())));
                }
            }
        }
        return md.toString();
    }

    private static void perOperation(StringBuilder md, JsonNode micro) {
        JsonNode c = micro.path("reference");
        double cBind = c.has("bind0_ns") ? Median.of(numbers(c.get("bind0_ns"))) / 1000 : Double.NaN;
        double cPair = c.has("pair_ns") ? Median.of(numbers(c.get("pair_ns"))) / 1000 : Double.NaN;
        md.append("| operation | through | µs/op, median | × C loop (throughput) | target |\n|---|---|---:|---:|---|\n");
        md.append(row("bind0 cycle", "C reference loop", cBind, cBind, ""));
        for (JsonNode r : micro.get("jmh")) {
            String benchmark = r.path("benchmark").asText();
            double us = r.path("medianMicros").asDouble();
            if (benchmark.startsWith("BindCycle")) {
                String layer = r.path("layer").asText();
                String target = layer.equals("nio") ? "≥ 0.6×" : layer.equals("libc") ? "≥ 0.5×" : "";
                md.append(row("bind0 cycle", "`" + layer + "` probe layer", us, cBind, target));
            }
        }
        for (JsonNode r : micro.get("jmh")) {
            String benchmark = r.path("benchmark").asText();
            if (benchmark.startsWith("BareBindCycle")) {
                String api = switch (benchmark.substring(benchmark.indexOf('.') + 1)) {
                    case "channel" -> "bare `SocketChannel` (floor of `nio`)";
                    case "serverChannel" -> "bare `ServerSocketChannel` (+ listen)";
                    default -> "bare JNA direct mapping (floor of `libc`)";
                };
                md.append(row("bind0 cycle", api, r.path("medianMicros").asDouble(), cBind, ""));
            }
        }
        md.append(row("connect+accept pair", "C reference loop", cPair, cPair, ""));
        for (JsonNode r : micro.get("jmh")) {
            if (r.path("benchmark").asText().startsWith("ConnectAcceptPair")) {
                md.append(row("connect+accept pair", "`" + r.path("layer").asText() + "` probe layer",
                        r.path("medianMicros").asDouble(), cPair, ""));
            }
        }
    }

    private static String row(String op, String through, double us, double reference, String target) {
        String ratio = Double.isNaN(reference) ? "n/a (no gcc)" : String.format(Locale.ROOT, "%.2f", reference / us);
        return String.format(Locale.ROOT, "| %s | %s | %.2f | %s | %s |%n", op, through, us, ratio, target);
    }

    private static void exhaustion(StringBuilder md, JsonNode micro) {
        md.append("\n| exhausting 28,232 ports | C reference | `socket` | `nio` | `async` | `libc` | target |\n")
                .append("|---|---:|---:|---:|---:|---:|---|\n");
        for (String transport : List.of("tcp", "udp")) {
            for (String mode : List.of("bind0", "explicit")) {
                JsonNode c = micro.path("reference").path(mode + "_" + transport + "_ns");
                boolean any = false;
                StringBuilder line = new StringBuilder(String.format("| %s, %s |", transport.toUpperCase(Locale.ROOT),
                        mode.equals("bind0") ? "bind(0) until refused" : "every port named, then bind(0) refused"));
                line.append(c.isMissingNode() ? " — |" : String.format(Locale.ROOT, " %.2f s |", Median.of(numbers(c)) / 1e9));
                for (String layer : ProbeLayers.IDS) {
                    List<Double> seconds = new ArrayList<>();
                    for (JsonNode o : micro.get("exhaustion")) {
                        if (o.path("layer").asText().equals(layer) && o.path("transport").asText().equals(transport)
                                && o.path("mode").asText().equals(mode)) {
                            seconds.add(o.path("nanos").asDouble() / 1e9);
                        }
                    }
                    any |= !seconds.isEmpty();
                    line.append(seconds.isEmpty() ? " — |" : String.format(Locale.ROOT, " %.2f s |", Median.of(seconds)));
                }
                if (any || !c.isMissingNode()) {
                    md.append(line).append(" ≤ 5 s |\n");
                }
            }
        }
    }

    private static void matrix(StringBuilder md, List<MatrixScaling.MatrixRun> runs) {
        md.append("\n| container platforms | matrix wall, warm (median) | cold | per-platform run, warm (median) |\n")
                .append("|---:|---:|---:|---:|\n");
        for (int n : List.of(1, 2, 4, 8)) {
            List<MatrixScaling.MatrixRun> warm = runs.stream().filter(r -> r.platforms() == n && r.kind().equals("warm")).toList();
            List<MatrixScaling.MatrixRun> cold = runs.stream().filter(r -> r.platforms() == n && r.kind().equals("cold")).toList();
            if (warm.isEmpty() && cold.isEmpty()) {
                continue;
            }
            List<Double> each = warm.stream().flatMap(r -> r.platformSeconds().stream()).toList();
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s |%n", n,
                    warm.isEmpty() ? "—" : String.format(Locale.ROOT, "%.1f s", Median.of(warm.stream().map(MatrixScaling.MatrixRun::wallSeconds).toList())),
                    cold.isEmpty() ? "—" : String.format(Locale.ROOT, "%.1f s", cold.get(0).wallSeconds()),
                    each.isEmpty() ? "—" : String.format(Locale.ROOT, "%.1f s", Median.of(each))));
        }
        List<Double> all = runs.stream().filter(r -> r.kind().equals("warm")).flatMap(r -> r.platformSeconds().stream()).toList();
        md.append(String.format(Locale.ROOT, "%nWarm per-platform run (container created → results copied out), median of %d: %.1f s (target ≤ 30 s).%n",
                all.size(), Median.of(all)));
    }

    private static List<Double> numbers(JsonNode array) {
        return FloorTable.numbers(array);
    }
}
