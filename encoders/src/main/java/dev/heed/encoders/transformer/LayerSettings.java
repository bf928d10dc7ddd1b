package dev.heed.encoders.transformer;

/**
 * The shape of one {@link TransformerLayer}. Immutable.
 *
 * @param dim model size
 * @param heads attention heads
 * @param ffnDim size of the feed-forward layer
 * @param preNorm LayerNorm before each sub-layer (pre-LN) instead of after the residual (post-LN, as BERT)
 * @param attention the self-attention variant's name
 * @param window neighbours seen on each side by {@code sliding-window}
 * @param layerNormEps epsilon of both LayerNorms
 * @param dropout dropout on sub-layer outputs during training
 */
public record LayerSettings(int dim, int heads, int ffnDim, boolean preNorm, String attention, int window,
        float layerNormEps, float dropout) {
}
