package dev.heed.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;

/** Calls on DJL blocks that take and give one array, and dropout that is a no-op outside training. */
public final class BlockCalls {

    private BlockCalls() {
    }

    /** {@code block}'s output for the single input {@code x}. */
    public static NDArray apply(Block block, ParameterStore ps, NDArray x, boolean training) {
        return block.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    /**
     * {@code layer}'s output for {@code x} of any rank {@code (..., in)}: the leading axes are folded into one
     * for the call, because libtorch's C++ {@code linear} fuses the bias into the matrix product
     * ({@code addmm}) only for 2-D input and otherwise multiplies and then adds the bias in a second pass.
     */
    public static NDArray linear(Linear layer, ParameterStore ps, NDArray x, boolean training) {
        Shape shape = x.getShape();
        if (shape.dimension() <= 2) {
            return apply(layer, ps, x, training);
        }
        NDArray flat = apply(layer, ps, x.reshape(-1, shape.get(shape.dimension() - 1)), training);
        long[] out = shape.getShape();
        out[out.length - 1] = flat.getShape().get(1);
        return flat.reshape(out);
    }

    /** Dropout of {@code rate} while training; {@code x} itself otherwise. */
    public static NDArray dropout(NDArray x, float rate, boolean training) {
        return training && rate > 0 ? Dropout.dropout(x, rate, true).singletonOrThrow() : x;
    }
}
