package dev.heed.tasks.translation;

import dev.heed.alignment.Alignment;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The translation of one text.
 *
 * @param text the translation, cased and detokenized (sentences of a multi-sentence input joined by a space)
 * @param score the search score of the best hypothesis (the mean over sentences for a multi-sentence input)
 * @param alignment the cross-attention that produced it, when asked for: source subwords against target
 *     subwords, every layer and head (block-diagonal over the sentences of a multi-sentence input)
 * @param nBest the best hypotheses with their scores, best first (the first is {@code text}); for a
 *     multi-sentence input, the best combinations of each sentence's hypotheses, scored by their mean
 * @param truncated whether search stopped the translation of a sentence at the length limit before it ended
 *     ({@code </s>}): the translation is cut short
 */
public record Translation(String text, double score, Optional<Alignment> alignment, List<Scored> nBest,
        boolean truncated) {

    /** One hypothesis of an n-best list. */
    public record Scored(String text, double score) {
    }

    public Translation {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(alignment, "alignment");
        nBest = List.copyOf(nBest);
    }
}
