package dev.heed.tasks.metrics;

/**
 * Precision, recall and F-measure of one ROUGE measure, rouge-score's {@code Score}. Immutable.
 *
 * @param precision matched units over the prediction's units, in [0, 1]
 * @param recall matched units over the reference's units, in [0, 1]
 * @param fmeasure their harmonic mean (F1), in [0, 1]
 */
public record RougeScore(double precision, double recall, double fmeasure) {

    /** All three zero, what an empty side scores. */
    public static final RougeScore ZERO = new RougeScore(0, 0, 0);

    public RougeScore {
        check("precision", precision);
        check("recall", recall);
        check("fmeasure", fmeasure);
    }

    /**
     * The score with F-measure {@code 2 * p * r / (p + r)} computed as rouge-score's {@code scoring.fmeasure} does,
     * 0 when both are 0.
     */
    public static RougeScore of(double precision, double recall) {
        double f = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
        return new RougeScore(precision, recall, f);
    }

    private static void check(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1], not " + value);
        }
    }
}
