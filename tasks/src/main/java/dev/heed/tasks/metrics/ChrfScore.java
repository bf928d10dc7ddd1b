package dev.heed.tasks.metrics;

/**
 * A corpus chrF score and how it was made. Immutable.
 *
 * @param score chrF in [0, 100], unrounded
 * @param signature sacreBLEU's signature of the configuration
 */
public record ChrfScore(double score, String signature) {

    /** sacreBLEU's one-line form, {@code str(CHRFScore)}: {@code chrF2 = 60.29}, rounded as Python rounds. */
    @Override
    public String toString() {
        return "chrF2 = " + PythonFormat.fixed(score, 2);
    }
}
