package dev.heed.tasks.metrics;

/**
 * Percentiles exactly as numpy computes them by default ({@code np.percentile(values, q)}, method
 * {@code "linear"}, Hyndman and Fan's definition 7), with the percentile levels that rouge-score's
 * {@code BootstrapAggregator} asks for. Stateless.
 */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * rouge-score's levels for a confidence interval c: {@code 100 * [d, 0.5, 1 - d]} with {@code d = (1 - c) / 2},
     * in that order of floating-point operations (for c = 0.95: 2.5000000000000022, 50 and 97.5).
     */
    static double[] levels(double confidenceInterval) {
        double delta = (1 - confidenceInterval) / 2;
        return new double[] {100 * delta, 100 * 0.5, 100 * (1 - delta)};
    }

    /**
     * The {@code q}-th percentile (q in [0, 100]) of ascending {@code sorted}: the virtual index
     * {@code (n - 1) * (q / 100)} and numpy's {@code _lerp} between its neighbours, which interpolates from the
     * lower neighbour below a weight of 0.5 and back from the upper one from 0.5 on.
     */
    static double linear(double[] sorted, double q) {
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("no values: a percentile needs at least one");
        }
        double index = (n - 1) * (q / 100);
        if (index >= n - 1) {
            return sorted[n - 1];
        }
        if (index < 0) {
            return sorted[0];
        }
        int below = (int) Math.floor(index);
        double gamma = index - below;
        double a = sorted[below];
        double b = sorted[below + 1];
        double diff = b - a;
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }
}
