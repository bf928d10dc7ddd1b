package dev.heed.tasks.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Corpus ROUGE from per-document scores, after rouge-score's {@code BootstrapAggregator}: for each type, the mean
 * of the documents' precision, recall and F1, and a bootstrap confidence interval around it.
 *
 * <p>What is exactly rouge-score's: the mean (the documents' scores added in order and divided by their count, as
 * {@code np.mean(scores, axis=0)} does, to the last bit); the resampling rule (each of {@code samples} resamples
 * draws as many documents as there are, uniformly with replacement, and takes their mean, per measure); the
 * interval's bounds (the percentiles {@code 100 * (1 - c) / 2} and {@code 100 * (1 + c) / 2} of the resampled
 * means, with numpy's default linear interpolation and rouge-score's floating-point levels). What is only in
 * spirit: the random draws. rouge-score draws from numpy's global generator, unseeded by default; here the
 * draws come from a {@link SplittableRandom} seeded with {@code seed}, afresh for each type (so every type is
 * resampled on the same documents and {@link #aggregate()} gives the same figures every time), which numpy cannot
 * reproduce. Given numpy's draws the bounds are rouge-score's to the last bit ({@code RougeFixturesTest} checks
 * this on recorded draws). rouge-score reports as {@code mid} the median of the resampled means, which only
 * estimates the mean; Heed reports the mean itself.
 *
 * <p>Not thread-safe: one thread adds the documents and aggregates.
 */
public final class BootstrapAggregator {

    /** rouge-score's default number of resamples. */
    public static final int DEFAULT_SAMPLES = 1000;
    /** rouge-score's default confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    private final double confidenceInterval;
    private final int samples;
    private final long seed;
    private final Map<RougeType, List<RougeScore>> scores = new LinkedHashMap<>();
    private int documents;

    /** An aggregator with rouge-score's defaults, a 95% interval from 1000 resamples, drawn from {@code seed}. */
    public BootstrapAggregator(long seed) {
        this(DEFAULT_CONFIDENCE, DEFAULT_SAMPLES, seed);
    }

    /**
     * An aggregator with a {@code confidenceInterval} in [0, 1] (0.95 for 95%) from {@code samples} resamples.
     *
     * @throws IllegalArgumentException when the level lies outside [0, 1] or {@code samples} is not positive
     */
    public BootstrapAggregator(double confidenceInterval, int samples, long seed) {
        if (!(confidenceInterval >= 0 && confidenceInterval <= 1)) {
            throw new IllegalArgumentException("confidence interval must lie in [0, 1] (0.95 for 95%), not "
                    + confidenceInterval);
        }
        if (samples <= 0) {
            throw new IllegalArgumentException("bootstrap samples must be positive (rouge-score uses 1000), not "
                    + samples);
        }
        this.confidenceInterval = confidenceInterval;
        this.samples = samples;
        this.seed = seed;
    }

    /**
     * Adds one document's scores, as {@link RougeScorer#score} or {@link RougeScorer#scoreMulti} give them.
     *
     * @throws IllegalArgumentException when the types differ from those of the documents added before
     */
    public void add(Map<RougeType, RougeScore> documentScores) {
        if (documents > 0 && !scores.keySet().equals(documentScores.keySet())) {
            throw new IllegalArgumentException("document " + (documents + 1) + " has the types "
                    + documentScores.keySet() + " but the documents before have " + scores.keySet()
                    + ": score every document with the same RougeScorer");
        }
        if (documentScores.isEmpty()) {
            throw new IllegalArgumentException("a document without scores: give at least one ROUGE type");
        }
        documentScores.forEach((type, score) -> scores.computeIfAbsent(type, t -> new ArrayList<>()).add(score));
        documents++;
    }

    /** How many documents were added. */
    public int size() {
        return documents;
    }

    /**
     * The mean and interval of every type, in the order of the documents' types; the same figures on every call.
     *
     * @throws IllegalStateException when no document was added
     */
    public Map<RougeType, RougeAggregate> aggregate() {
        return aggregate(() -> new SplittableRandom(seed)::nextInt);
    }

    /** {@link #aggregate()} with the document indices of each type's resamples from {@code draws}. */
    Map<RougeType, RougeAggregate> aggregate(Supplier<Draws> draws) {
        if (documents == 0) {
            throw new IllegalStateException("no document to aggregate: add the scores of at least one first");
        }
        double[] levels = Percentiles.levels(confidenceInterval);
        Map<RougeType, RougeAggregate> result = new LinkedHashMap<>();
        scores.forEach((type, list) -> {
            double[][] matrix = new double[list.size()][];
            for (int d = 0; d < matrix.length; d++) {
                RougeScore s = list.get(d);
                matrix[d] = new double[] {s.precision(), s.recall(), s.fmeasure()};
            }
            double[][] means = resampledMeans(matrix, draws.get());
            double[] low = new double[3];
            double[] high = new double[3];
            for (int k = 0; k < 3; k++) {
                Arrays.sort(means[k]);
                low[k] = Percentiles.linear(means[k], levels[0]);
                high[k] = Percentiles.linear(means[k], levels[2]);
            }
            double[] mean = mean(matrix);
            result.put(type, new RougeAggregate(new RougeScore(low[0], low[1], low[2]),
                    new RougeScore(mean[0], mean[1], mean[2]), new RougeScore(high[0], high[1], high[2])));
        });
        return Collections.unmodifiableMap(result);
    }

    /** The means of {@code samples} resamples, per measure: [measure][sample]. */
    private double[][] resampledMeans(double[][] matrix, Draws draws) {
        int n = matrix.length;
        double[][] means = new double[3][samples];
        double[][] sample = new double[n][];
        for (int i = 0; i < samples; i++) {
            for (int j = 0; j < n; j++) {
                sample[j] = matrix[draws.next(n)];
            }
            double[] m = mean(sample);
            for (int k = 0; k < 3; k++) {
                means[k][i] = m[k];
            }
        }
        return means;
    }

    /** The column means of {@code rows}, the rows added in order and the sums divided by their count. */
    private static double[] mean(double[][] rows) {
        double[] sum = new double[3];
        for (double[] row : rows) {
            for (int k = 0; k < 3; k++) {
                sum[k] += row[k];
            }
        }
        for (int k = 0; k < 3; k++) {
            sum[k] /= rows.length;
        }
        return sum;
    }

    /** A source of document indices, one resample after another. */
    @FunctionalInterface
    interface Draws {

        /** The next index, uniform in [0, documents). */
        int next(int documents);
    }
}
