package dev.heed.tasks.translation;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Objects;

/**
 * One decoding step of a batch of rows.
 *
 * @param logProbs {@code (N, V)}: log-probabilities of the next token
 * @param next the state after this step
 * @param attention per decoder layer, the cross-attention of this step {@code (N, H, S)} when captured; empty
 *     otherwise
 */
public record StepOutput(NDArray logProbs, DecoderState next, List<NDArray> attention) {

    public StepOutput {
        Objects.requireNonNull(logProbs, "logProbs");
        Objects.requireNonNull(next, "next");
        attention = List.copyOf(attention);
    }
}
