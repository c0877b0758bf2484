package org.portzero.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runner against its floor, as Markdown, from the {@code floor} array of a {@code performance.json}:
 * per family and for the whole catalogue, the socket calls strace counted, the runner's median
 * seconds, the C loop's median seconds for the same calls, and the median of the per-round ratios.
 */
final class FloorTable {

    /** The targets: the whole catalogue at most 2× its floor, no family above 3×. */
    static final double WHOLE_TARGET = 2.0;
    static final double FAMILY_TARGET = 3.0;

    private FloorTable() {
    }

    static String markdown(JsonNode performance) {
        JsonNode floor = performance.path("floor");
        if (floor.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder();
        md.append("\n| runner vs its floor | socket | bind | getsockname | setsockopt | close | runner, median | floor (C), median | runner / floor | target |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (JsonNode f : floor) {
            String family = f.path("family").asText();
            boolean whole = family.equals(KernelFloor.WHOLE);
            double ratio = ratio(f);
            double target = whole ? WHOLE_TARGET : FAMILY_TARGET;
            JsonNode calls = f.path("calls");
            String judged = Double.isNaN(ratio) ? "n/a (no socket calls) | —"
                    : String.format(Locale.ROOT, "%s | ≤ %.0f× %s", times(ratio), target, ratio <= target ? "met" : "**missed**");
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.2f s | %.3f s | %s |%n",
                    whole ? "**" + family + "**" : "`" + family + "`",
                    thousands(calls.path("socket").asLong()), thousands(calls.path("bind").asLong()),
                    thousands(calls.path("getsockname").asLong()), thousands(calls.path("setsockopt").asLong()),
                    thousands(calls.path("close").asLong()),
                    Median.of(numbers(f.path("runnerSeconds"))), Median.of(numbers(f.path("floorSeconds"))), judged));
        }
        return md.toString();
    }

    /** The median over rounds of runner seconds / floor seconds, each round's pair taken together; NaN without a floor. */
    static double ratio(JsonNode f) {
        List<Double> runner = numbers(f.path("runnerSeconds"));
        List<Double> floor = numbers(f.path("floorSeconds"));
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(runner.size(), floor.size()); i++) {
            if (floor.get(i) <= 0) {
                return Double.NaN;
            }
            ratios.add(runner.get(i) / floor.get(i));
        }
        return Median.of(ratios);
    }

    /** A ratio as the tables print it: two decimals, none from 100× on. */
    static String times(double ratio) {
        return String.format(Locale.ROOT, ratio >= 100 ? "%.0f×" : "%.2f×", ratio);
    }

    static List<Double> numbers(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asDouble()));
        return values;
    }

    private static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
