package dev.heed.tasks.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.heed.encoders.InPlace;
import java.util.ArrayList;
import java.util.List;

/**
 * Guards training against a non-finite gradient. DJL's PyTorch engine clears gradients by subtracting them
 * from themselves, which leaves NaN and infinity in place: one bad batch would poison every later update. This
 * checks every parameter's gradient after the backward pass and, when one is not finite, overwrites the bad
 * ones with zeros, in their own memory, so the batch can be skipped. Stateless.
 */
public final class FiniteGradients {

    private FiniteGradients() {
    }

    /** Whether every gradient of {@code block} is finite; when not, the non-finite ones are zeroed. */
    public static boolean check(Block block) {
        return nonFinite(block).isEmpty();
    }

    /**
     * The names of {@code block}'s parameters whose gradient holds a NaN or an infinity (in the order of
     * {@link Block#getParameters()}), each zeroed in its own memory; empty when every gradient is finite. A
     * skipped batch's report names them, so that the layer where a rare fault starts can be told.
     */
    public static List<String> nonFinite(Block block) {
        List<String> names = new ArrayList<>();
        for (var entry : block.getParameters()) {
            Parameter p = entry.getValue();
            if (!p.requiresGradient() || !p.getArray().hasGradient()) {
                continue;
            }
            // getGradient() hands out a new view of the gradient each time; close it and the sum.
            try (NDArray gradient = p.getArray().getGradient(); NDArray sum = gradient.sum()) {
                if (!Float.isFinite(sum.getFloat())) {
                    InPlace.fill(gradient, 0f);
                    names.add(entry.getKey());
                }
            }
        }
        return names;
    }
}
