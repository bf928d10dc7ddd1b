package dev.heed.encoders.textcnn;

import java.util.List;

/**
 * Settings of the {@code textcnn} encoder. Immutable; validated on construction.
 *
 * @param vocabSize rows of the embedding table
 * @param embeddingDim size of each word vector
 * @param widths convolution widths, one filter bank per width
 * @param maps feature maps per width
 * @param dropout dropout on the pooled vector during training
 * @param attentionPooling pool positions with attention (weights exportable) instead of max-over-time
 * @param attentionDim size of the attention-pooling layer
 */
public record TextCnnConfig(int vocabSize, int embeddingDim, List<Integer> widths, int maps, float dropout,
        boolean attentionPooling, int attentionDim) {

    public TextCnnConfig {
        widths = List.copyOf(widths);
        if (vocabSize < 2 || embeddingDim < 1 || maps < 1 || attentionDim < 1) {
            throw new IllegalArgumentException("textcnn sizes must be positive (vocabSize >= 2): vocabSize="
                    + vocabSize + ", embeddingDim=" + embeddingDim + ", maps=" + maps + ", attentionDim=" + attentionDim);
        }
        if (widths.isEmpty() || widths.stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("textcnn widths must be a non-empty list of positive ints, got " + widths);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** Kim (2014): widths 3, 4, 5 with 100 maps each, dropout 0.5, max-over-time pooling. */
    public static TextCnnConfig defaults() {
        return new TextCnnConfig(30_000, 128, List.of(3, 4, 5), 100, 0.5f, false, 64);
    }
}
