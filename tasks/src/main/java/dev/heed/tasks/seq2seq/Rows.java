package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import dev.heed.attention.PreparedKeys;
import dev.heed.engine.EngineArrays;

/**
 * Picks rows of an array by index, as beam search's back-pointers need: an index gather on the engine (libtorch's
 * advanced indexing over the first axis), with the indexes in engine memory ({@link EngineArrays}), so the values are
 * exactly the rows picked. It replaced a product with a 0/1 selection matrix, which cost N times the rows' size
 * for N rows. Stateless.
 */
final class Rows {

    private Rows() {
    }

    /** {@code keys}' keys, values and mask (all row-first), each with its rows picked as {@link #pick(NDArray, long[])}. */
    static PreparedKeys pick(PreparedKeys keys, long[] rows) {
        return new PreparedKeys(pick(keys.keys(), rows), pick(keys.values(), rows), pick(keys.mask(), rows));
    }

    /** {@code x} {@code (N, ...)} with row {@code i} of the result being row {@code rows[i]} of {@code x}. */
    static NDArray pick(NDArray x, long[] rows) {
        try (NDArray index = EngineArrays.of(x.getManager(), rows)) {
            return x.get(new NDIndex("{}", index));
        }
    }
}
