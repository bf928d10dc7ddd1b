package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A teacher-forced pass over whole targets.
 *
 * @param logits {@code (B, T, V)}: scores of the next token at every target position (a copying decoder gives
 *     log-probabilities of its final distribution: their log-softmax is themselves)
 * @param attention per decoder layer, the cross-attention {@code (B, H, T, S)} when captured; empty otherwise
 * @param coverageLoss {@code (B, T)}: a coverage decoder's {@code sum_i min(a_ti, c_ti)} at every position (See
 *     et al. 2017, eq. 12); empty for a decoder without coverage
 */
public record ForcedOutput(NDArray logits, List<NDArray> attention, Optional<NDArray> coverageLoss) {

    /** Without coverage. */
    public ForcedOutput(NDArray logits, List<NDArray> attention) {
        this(logits, attention, Optional.empty());
    }

    public ForcedOutput {
        Objects.requireNonNull(logits, "logits");
        attention = List.copyOf(attention);
        Objects.requireNonNull(coverageLoss, "coverageLoss");
    }
}
