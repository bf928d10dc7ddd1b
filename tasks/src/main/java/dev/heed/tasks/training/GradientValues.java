package dev.heed.tasks.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.heed.encoders.InPlace;

/**
 * Clips every gradient element to {@code [-max, max]}, in the gradient's own memory. DJL's optimizers offer
 * {@code optClipGrad}, but on the PyTorch engine it clamps only from above ({@code clamp_max_} in DJL's
 * {@code adamUpdate}), so a large negative gradient passed unclipped; the trainers clip here instead, before the
 * optimizer's step. Stateless.
 */
public final class GradientValues {

    private GradientValues() {
    }

    /** Clips {@code block}'s gradients to {@code [-max, max]}; returns how many elements were clipped. */
    public static long clip(Block block, float max) {
        if (!(max > 0)) {
            throw new IllegalArgumentException("the clipping value must be > 0, got " + max);
        }
        long clipped = 0;
        for (var entry : block.getParameters()) {
            Parameter p = entry.getValue();
            if (!p.requiresGradient() || !p.getArray().hasGradient()) {
                continue;
            }
            // Everything made here lives on a scratch manager closed per parameter: the gradient's own manager
            // lives as long as the model, and what is left on it stays for good (the engine's clip leaves its two
            // bounds there; an unclosed abs() left the gradient's size, every batch: 90 MB for MiniLM).
            try (NDManager scratch = p.getArray().getManager().newSubManager()) {
                NDArray gradient = p.getArray().getGradient();
                gradient.attach(scratch);
                long n = gradient.abs().gt(max).countNonzero().getLong();
                if (n > 0) {
                    InPlace.assign(gradient, gradient.clip(-max, max));
                    clipped += n;
                }
            }
        }
        return clipped;
    }
}
