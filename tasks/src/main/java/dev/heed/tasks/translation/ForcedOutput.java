package dev.heed.tasks.translation;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Objects;

/**
 * A teacher-forced pass over whole targets.
 *
 * @param logits {@code (B, T, V)}: scores of the next token at every target position
 * @param attention per decoder layer, the cross-attention {@code (B, H, T, S)} when captured; empty otherwise
 */
public record ForcedOutput(NDArray logits, List<NDArray> attention) {

    public ForcedOutput {
        Objects.requireNonNull(logits, "logits");
        attention = List.copyOf(attention);
    }
}
