package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** Joins of arrays that DJL offers on {@link NDList} only. */
final class NDArrays {

    private NDArrays() {
    }

    /** {@code parts} stacked along a new {@code axis}. */
    static NDArray stack(NDList parts, int axis) {
        return parts.size() == 1 ? parts.get(0).expandDims(axis) : ai.djl.ndarray.NDArrays.stack(parts, axis);
    }

    /** {@code parts} joined along {@code axis}. */
    static NDArray concat(NDList parts, int axis) {
        return parts.size() == 1 ? parts.get(0) : ai.djl.ndarray.NDArrays.concat(parts, axis);
    }
}
