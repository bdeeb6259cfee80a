package org.migrationledger.benchmark;

import java.util.Arrays;
import java.util.List;

/** Percentiles and medians of measured samples (nearest-rank). */
final class Latencies {

    private Latencies() {}

    static double percentile(double[] samples, double percent) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(List<Double> samples) {
        return percentile(samples.stream().mapToDouble(Double::doubleValue).toArray(), 50);
    }
}
