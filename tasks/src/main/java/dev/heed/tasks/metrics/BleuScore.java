package dev.heed.tasks.metrics;

/**
 * A corpus BLEU score and how it was made.
 *
 * @param score BLEU in [0, 100], unrounded
 * @param precisions the (smoothed) n-gram precisions in percent, n = 1..4
 * @param brevityPenalty the brevity penalty
 * @param hypothesisLength tokens in the hypotheses
 * @param referenceLength tokens in the references
 * @param signature sacreBLEU's signature of the configuration
 */
public record BleuScore(double score, double[] precisions, double brevityPenalty, long hypothesisLength,
        long referenceLength, String signature) {

    public BleuScore {
        precisions = precisions.clone();
    }

    @Override
    public double[] precisions() {
        return precisions.clone();
    }

    /** sacreBLEU's one-line form: {@code BLEU = 35.21 67.1/42.0/28.3/19.6 (BP = 0.981 ratio = 0.981 hyp_len = ...)}. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "BLEU = %.2f %.1f/%.1f/%.1f/%.1f (BP = %.3f ratio = %.3f hyp_len = %d"
                + " ref_len = %d)", score, precisions[0], precisions[1], precisions[2], precisions[3], brevityPenalty,
                referenceLength == 0 ? 0.0 : hypothesisLength / (double) referenceLength, hypothesisLength,
                referenceLength);
    }
}
