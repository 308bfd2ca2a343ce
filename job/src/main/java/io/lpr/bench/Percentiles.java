package io.lpr.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles: the smallest sample with at least p% of the samples at or below it. */
final class Percentiles {
    private final long[] sorted;

    Percentiles(Collection<Long> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** The p-th percentile, 0 < p <= 100. */
    long at(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    int count() {
        return sorted.length;
    }

    @Override
    public String toString() {
        return Arrays.toString(sorted);
    }
}
