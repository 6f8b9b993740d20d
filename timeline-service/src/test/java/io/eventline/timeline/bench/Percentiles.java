package io.eventline.timeline.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Nearest-rank percentiles of measured durations. */
final class Percentiles {

    private final double[] sorted;

    Percentiles(List<Double> values) {
        sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    double at(double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(List<Double> values) {
        return new Percentiles(values).at(50);
    }

    String summary(String unit) {
        return String.format(Locale.ROOT, "p50 %.2f %s, p95 %.2f %s, p99 %.2f %s, max %.2f %s (n=%d)",
                at(50), unit, at(95), unit, at(99), unit, sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1], unit,
                sorted.length);
    }

    @Override
    public String toString() {
        return Arrays.toString(sorted);
    }
}
