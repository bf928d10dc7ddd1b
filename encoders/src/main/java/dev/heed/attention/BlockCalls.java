package dev.heed.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
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

    /** Dropout of {@code rate} while training; {@code x} itself otherwise. */
    public static NDArray dropout(NDArray x, float rate, boolean training) {
        return training && rate > 0 ? Dropout.dropout(x, rate, true).singletonOrThrow() : x;
    }
}
