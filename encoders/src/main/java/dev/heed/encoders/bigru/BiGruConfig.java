package dev.heed.encoders.bigru;

/**
 * Settings of the {@code bigru} encoder. Immutable; validated on construction.
 *
 * @param vocabSize rows of the embedding table
 * @param embeddingDim size of each word vector
 * @param hiddenSize state size of each direction (states are {@code 2 x hiddenSize})
 * @param layers stacked bidirectional layers
 * @param dropout dropout on embeddings and between layers during training
 * @param attentionPooling pool with attention (weights exportable) instead of max over positions
 * @param attentionDim size of the attention-pooling layer
 */
public record BiGruConfig(int vocabSize, int embeddingDim, int hiddenSize, int layers, float dropout,
        boolean attentionPooling, int attentionDim) {

    public BiGruConfig {
        if (vocabSize < 2 || embeddingDim < 1 || hiddenSize < 1 || layers < 1 || attentionDim < 1) {
            throw new IllegalArgumentException("bigru sizes must be positive (vocabSize >= 2)");
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** One layer of 128 per direction over 128-dimensional embeddings, attention pooling. */
    public static BiGruConfig defaults() {
        return new BiGruConfig(30_000, 128, 128, 1, 0.3f, true, 64);
    }
}
