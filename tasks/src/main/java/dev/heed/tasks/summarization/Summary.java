package dev.heed.tasks.summarization;

import dev.heed.alignment.Alignment;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The summary of one document.
 *
 * @param text the summary, detokenized
 * @param score the search score of the best hypothesis (log-probability after the length and coverage penalties)
 * @param alignment the cross-attention that produced it, when asked for: document subwords against summary
 *     subwords; for a model that copies it carries {@code copyShares} too ({@link Alignment#copyShares()})
 * @param copyShares when asked for and the model copies: per summary token ({@code </s>} included when the summary
 *     ended), {@code 1 - p_gen}, the share of that token's probability taken from the document by the copy mechanism
 * @param nBest the best hypotheses with their scores, best first (the first is {@code text})
 * @param sourceTokens the document's length in subwords
 * @param sourceCut how many of them were cut by the long-input policy (the model read the first
 *     {@code sourceTokens - sourceCut}); 0 when it read them all
 * @param truncated whether search stopped at the length limit before the summary ended
 */
public record Summary(String text, double score, Optional<Alignment> alignment, float[] copyShares,
        List<Scored> nBest, int sourceTokens, int sourceCut, boolean truncated) {

    /** One hypothesis of an n-best list. */
    public record Scored(String text, double score) {
    }

    public Summary {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(alignment, "alignment");
        copyShares = copyShares.clone();
        nBest = List.copyOf(nBest);
    }

    @Override
    public float[] copyShares() {
        return copyShares.clone();
    }
}
