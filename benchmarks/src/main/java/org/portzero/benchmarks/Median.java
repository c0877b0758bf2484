package org.portzero.benchmarks;

import java.util.List;

/** The figure this module quotes: the median of repeated measurements. */
final class Median {

    private Median() {
    }

    static double of(List<? extends Number> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
