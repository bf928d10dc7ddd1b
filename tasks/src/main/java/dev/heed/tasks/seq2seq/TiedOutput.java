package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.core.Linear;

/** An output layer that shares the embedding table (Press and Wolf 2017): {@code logits = x E^T}. */
final class TiedOutput {

    private TiedOutput() {
    }

    /**
     * {@code x} {@code (..., D)} against every row of {@code table} {@code (V, D)}, as one linear map (no
     * transposed copy of the table: an array made from a parameter would belong to the model's manager and
     * stay there).
     */
    static NDArray logits(NDArray x, NDArray table) {
        return Linear.linear(x, table).singletonOrThrow();
    }
}
