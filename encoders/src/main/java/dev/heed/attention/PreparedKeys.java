package dev.heed.attention;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * Keys, values and mask made ready for repeated queries (a decoder attends to the same source at every
 * step). A value passed back to {@link AttentionBlock#attend}: blocks keep no state between calls. Arrays
 * belong to the caller's manager.
 *
 * @param keys {@code (B, S, Dk)}, or the variant's projection of them
 * @param values {@code (B, S, Dv)}, or the variant's projection of them
 * @param mask {@code (B, S)} with 1 for real keys and 0 for padding, or {@code (B, T, S)}
 */
public record PreparedKeys(NDArray keys, NDArray values, NDArray mask) {

    public PreparedKeys {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(mask, "mask");
    }
}
