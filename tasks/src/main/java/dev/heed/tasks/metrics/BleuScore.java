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

    /**
     * sacreBLEU's one-line form, {@code str(BLEUScore)}: {@code BLEU = 35.21 67.1/42.0/28.3/19.6 (BP = 0.981 ratio =
     * 0.981 hyp_len = ... ref_len = ...)}, every figure rounded as Python rounds it (half to even on the exact
     * binary value: a precision of 6.25 prints {@code 6.2}, a ratio of 0.0625 prints {@code 0.062}).
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("BLEU = ").append(PythonFormat.fixed(score, 2)).append(' ');
        for (int n = 0; n < precisions.length; n++) {
            s.append(n > 0 ? "/" : "").append(PythonFormat.fixed(precisions[n], 1));
        }
        double ratio = referenceLength == 0 ? 0.0 : hypothesisLength / (double) referenceLength;
        return s.append(" (BP = ").append(PythonFormat.fixed(brevityPenalty, 3)).append(" ratio = ")
                .append(PythonFormat.fixed(ratio, 3)).append(" hyp_len = ").append(hypothesisLength)
                .append(" ref_len = ").append(referenceLength).append(')').toString();
    }
}
