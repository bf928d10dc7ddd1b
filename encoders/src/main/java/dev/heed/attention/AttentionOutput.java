package dev.heed.attention;

import ai.djl.ndarray.NDArray;
import java.util.Objects;
import java.util.Optional;

/**
 * What an attention block returns: the context vectors and, when captured, the weights that made them.
 * Both arrays belong to the manager of the inputs. Immutable.
 *
 * @param context {@code (B, T, D_out)}: one context vector per query
 * @param weights {@code (B, H, T, S)} per head, never averaged; rows sum to 1 over unmasked keys and
 *     masked keys are exactly 0. Empty when capture was off or the variant has no T x S matrix
 *     ({@code linear})
 */
public record AttentionOutput(NDArray context, Optional<NDArray> weights) {

    public AttentionOutput {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(weights, "weights");
    }
}
