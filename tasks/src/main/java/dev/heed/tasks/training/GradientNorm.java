package dev.heed.tasks.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Clips gradients by their global L2 norm (Pascanu et al. 2013): when the norm over every parameter's gradient
 * exceeds {@code max}, all are scaled by {@code max / norm}, keeping their direction. Stateless.
 */
public final class GradientNorm {

    private GradientNorm() {
    }

    /** Scales {@code block}'s gradients down to a global norm of at most {@code max}; returns the norm before. */
    public static double clip(Block block, double max) {
        List<NDArray> gradients = new ArrayList<>();
        double squares = 0;
        for (var entry : block.getParameters()) {
            Parameter p = entry.getValue();
            if (!p.requiresGradient() || !p.getArray().hasGradient()) {
                continue;
            }
            NDArray gradient = p.getArray().getGradient();
            gradients.add(gradient);
            try (NDArray square = gradient.square(); NDArray sum = square.sum()) {
                squares += sum.getFloat();
            }
        }
        double norm = Math.sqrt(squares);
        if (norm > max) {
            float scale = (float) (max / norm);
            for (NDArray g : gradients) {
                g.muli(scale);
            }
        }
        gradients.forEach(NDArray::close);
        return norm;
    }
}
