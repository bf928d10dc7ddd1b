package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One decoding step of a batch of rows.
 *
 * @param logProbs {@code (N, V)}: log-probabilities of the next token
 * @param next the state after this step
 * @param attention per decoder layer, the cross-attention of this step {@code (N, H, S)} when captured; empty
 *     otherwise
 * @param copyShare {@code (N)}: a copying decoder's {@code 1 - p_gen}, the share of this step's distribution that
 *     is copied from the source; empty for a decoder that does not copy
 */
public record StepOutput(NDArray logProbs, DecoderState next, List<NDArray> attention, Optional<NDArray> copyShare) {

    /** A step of a decoder that does not copy. */
    public StepOutput(NDArray logProbs, DecoderState next, List<NDArray> attention) {
        this(logProbs, next, attention, Optional.empty());
    }

    public StepOutput {
        Objects.requireNonNull(logProbs, "logProbs");
        Objects.requireNonNull(next, "next");
        attention = List.copyOf(attention);
        Objects.requireNonNull(copyShare, "copyShare");
    }
}
