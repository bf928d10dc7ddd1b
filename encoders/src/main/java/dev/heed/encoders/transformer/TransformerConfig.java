package dev.heed.encoders.transformer;

import dev.heed.attention.Attentions;

/**
 * Settings of the {@code transformer} encoder. Immutable; validated on construction.
 *
 * @param vocabSize rows of the token embeddings
 * @param dim model size
 * @param layers number of layers
 * @param heads attention heads
 * @param ffnDim size of the feed-forward layer
 * @param maxLength the longest input (learned positions have this many rows)
 * @param positions {@code sinusoidal} or {@code learned}
 * @param norm {@code pre} (LayerNorm before each sub-layer, and once at the end) or {@code post}
 * @param attention the self-attention variant: {@code multi-head}, {@code sliding-window} or {@code linear}
 * @param window neighbours seen on each side by {@code sliding-window}
 * @param dropout dropout on sub-layer outputs during training
 */
public record TransformerConfig(int vocabSize, int dim, int layers, int heads, int ffnDim, int maxLength,
        String positions, String norm, String attention, int window, float dropout) {

    public TransformerConfig {
        if (vocabSize < 2 || dim < 1 || layers < 1 || heads < 1 || ffnDim < 1 || maxLength < 1 || window < 1) {
            throw new IllegalArgumentException("transformer sizes must be positive");
        }
        if (dim % heads != 0) {
            throw new IllegalArgumentException("dim " + dim + " is not divisible by heads " + heads);
        }
        if (!positions.equals("sinusoidal") && !positions.equals("learned")) {
            throw new IllegalArgumentException("positions must be sinusoidal or learned, got '" + positions + "'");
        }
        if (!norm.equals("pre") && !norm.equals("post")) {
            throw new IllegalArgumentException("norm must be pre or post, got '" + norm + "'");
        }
        if (!attention.equals("multi-head") && !attention.equals("sliding-window") && !attention.equals("linear")) {
            throw new IllegalArgumentException("attention must be multi-head, sliding-window or linear, got '"
                    + attention + "' (available variants: " + Attentions.names() + ")");
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** 3 pre-LN layers of 256 with 4 heads, sinusoidal positions, full multi-head attention. */
    public static TransformerConfig defaults() {
        return new TransformerConfig(30_000, 256, 3, 4, 1024, 512, "sinusoidal", "pre", "multi-head", 64, 0.1f);
    }
}
