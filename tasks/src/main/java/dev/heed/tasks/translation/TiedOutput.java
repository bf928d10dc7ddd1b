package dev.heed.tasks.translation;

import ai.djl.ndarray.NDArray;

/** An output layer that shares the embedding table (Press and Wolf 2017): {@code logits = x E^T}. */
final class TiedOutput {

    private TiedOutput() {
    }

    /**
     * {@code x} {@code (..., D)} against every row of {@code table} {@code (V, D)}. The transposed table is a new
     * array; DJL would give it to the table's (the model's) manager, where it would stay until the model is
     * closed, so it is handed to {@code x}'s manager and freed with the call's arrays.
     */
    static NDArray logits(NDArray x, NDArray table) {
        NDArray transposed = table.transpose();
        transposed.attach(x.getManager());
        return x.matMul(transposed);
    }
}
