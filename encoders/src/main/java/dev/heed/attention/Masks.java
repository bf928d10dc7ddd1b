package dev.heed.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Attention masks: key-padding masks {@code (B, S)} and full masks {@code (B, T, S)} made 4-D for heads. */
public final class Masks {

    /** Added to the scores of masked keys: exp of it underflows to exactly 0 in float32. */
    static final float MASKED = -1e9f;

    private Masks() {
    }

    /** The mask as float {@code (B, 1, 1, S)} or {@code (B, 1, T, S)}, 1 for visible and 0 for hidden keys. */
    public static NDArray keep4d(NDArray mask) {
        NDArray m = mask.toType(DataType.FLOAT32, false);
        return switch (m.getShape().dimension()) {
            case 2 -> m.expandDims(1).expandDims(1);
            case 3 -> m.expandDims(1);
            default -> throw new IllegalArgumentException("mask must be (B, S) or (B, T, S), got " + m.getShape());
        };
    }

    /**
     * Softmax over the last axis of {@code scores} {@code (B, H, T, S)} where {@code keep} is 1, with hidden
     * keys exactly 0 (a row with no visible key is all 0).
     */
    public static NDArray maskedSoftmax(NDArray scores, NDArray keep) {
        NDArray biased = scores.add(keep.sub(1f).mul(-MASKED)); // 0 where visible, -1e9 where hidden
        return biased.softmax(-1).mul(keep);
    }

    /**
     * A causal mask {@code (1, T, T)}: query t sees keys 0..t. Built by the engine (no heap array copied in, so
     * no direct buffer per call left for the garbage collector).
     */
    public static NDArray causal(ai.djl.ndarray.NDManager manager, int length) {
        NDArray positions = manager.arange(0, length, 1, DataType.FLOAT32);
        return positions.reshape(1, length).lte(positions.reshape(length, 1)).toType(DataType.FLOAT32, false)
                .reshape(1, length, length);
    }
}
