package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.heed.engine.EngineArrays;

/**
 * Picks rows of an array by index, as beam search's back-pointers need, with one matrix product by a 0/1
 * selection matrix made on the heap (the same numbers as an index gather, without the engine's advanced
 * indexing). Stateless.
 */
final class Rows {

    private Rows() {
    }

    /** {@code x} {@code (N, ...)} with row {@code i} of the result being row {@code rows[i]} of {@code x}. */
    static NDArray pick(NDArray x, long[] rows) {
        Shape shape = x.getShape();
        int n = (int) shape.get(0);
        float[] selection = new float[rows.length * n];
        for (int i = 0; i < rows.length; i++) {
            selection[i * n + (int) rows[i]] = 1f;
        }
        NDArray matrix = EngineArrays.of(x.getManager(), selection, new Shape(rows.length, n)).toType(x.getDataType(), false);
        NDArray flat = x.reshape(n, -1);
        long[] dims = shape.getShape().clone();
        dims[0] = rows.length;
        return matrix.matMul(flat).reshape(new Shape(dims));
    }
}
