package dev.heed.encoders.bert;

/**
 * Settings of the {@code bert} encoder, named as in HuggingFace's {@code config.json} where they overlap.
 * Immutable; validated on construction.
 *
 * @param vocabSize rows of the word embeddings
 * @param hiddenSize model size
 * @param layers number of Transformer layers
 * @param heads attention heads per layer
 * @param intermediateSize size of the feed-forward layer
 * @param maxPositions rows of the position embeddings: the longest input
 * @param typeVocabSize rows of the token-type embeddings
 * @param layerNormEps epsilon of every LayerNorm
 * @param dropout dropout on hidden states during training
 * @param pooling {@code mean} (masked mean of the last states) or {@code cls} (the first token's state)
 */
public record BertConfig(int vocabSize, int hiddenSize, int layers, int heads, int intermediateSize,
        int maxPositions, int typeVocabSize, float layerNormEps, float dropout, String pooling) {

    public BertConfig {
        if (vocabSize < 2 || hiddenSize < 1 || layers < 1 || heads < 1 || intermediateSize < 1 || maxPositions < 1
                || typeVocabSize < 1) {
            throw new IllegalArgumentException("bert sizes must be positive");
        }
        if (hiddenSize % heads != 0) {
            throw new IllegalArgumentException("hiddenSize " + hiddenSize + " is not divisible by heads " + heads);
        }
        if (!pooling.equals("mean") && !pooling.equals("cls")) {
            throw new IllegalArgumentException("pooling must be mean or cls, got '" + pooling + "'");
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** all-MiniLM-L6-v2's shape: 6 layers of 384 with 12 heads, mean pooling. */
    public static BertConfig defaults() {
        return new BertConfig(30_522, 384, 6, 12, 1536, 512, 2, 1e-12f, 0.1f, "mean");
    }

    public BertConfig withPooling(String newPooling) {
        return new BertConfig(vocabSize, hiddenSize, layers, heads, intermediateSize, maxPositions, typeVocabSize,
                layerNormEps, dropout, newPooling);
    }
}
