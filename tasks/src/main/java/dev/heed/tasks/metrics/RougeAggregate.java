package dev.heed.tasks.metrics;

/**
 * A corpus ROUGE figure of one type: the mean of the documents' scores with a bootstrap confidence interval
 * around it, from {@link BootstrapAggregator}. Each field holds precision, recall and F1 side by side, each
 * aggregated on its own: {@code low.fmeasure()} is a percentile of resampled F1 means, not the F1 of
 * {@code low}'s precision and recall. Immutable.
 *
 * @param low the lower bound of the interval, per measure
 * @param mean the mean over the documents, per measure: the corpus figure
 * @param high the upper bound of the interval, per measure
 */
public record RougeAggregate(RougeScore low, RougeScore mean, RougeScore high) {
}
