package dev.heed.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Pooling over real tokens only: mean and max of states {@code (B, S, H)} under a mask {@code (B, S)}. */
public final class MaskedPooling {

    private MaskedPooling() {
    }

    /** Mean of the states of real tokens {@code (B, H)}. */
    public static NDArray mean(NDArray states, NDArray mask) {
        NDArray m = mask.toType(DataType.FLOAT32, false).expandDims(-1);                 // (B, S, 1)
        return states.mul(m).sum(new int[] {1}).div(m.sum(new int[] {1}).maximum(1e-9f));
    }

    /** Element-wise maximum over the real tokens {@code (B, H)}. */
    public static NDArray max(NDArray states, NDArray mask) {
        NDArray m = mask.toType(DataType.FLOAT32, false).expandDims(-1);
        return states.add(m.sub(1f).mul(1e9f)).max(new int[] {1});
    }
}
