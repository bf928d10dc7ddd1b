package dev.heed.encoders;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * One attention matrix an encoder used, with what it is. Owned by the manager of the call.
 *
 * @param kind {@code self-attention} or {@code pooling}
 * @param layer the layer index (0 for pooling)
 * @param weights {@code (B, H, T, S)} per head
 */
public record AttentionMap(String kind, int layer, NDArray weights) {

    public static final String SELF_ATTENTION = "self-attention";
    public static final String POOLING = "pooling";

    public AttentionMap {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(weights, "weights");
    }
}
