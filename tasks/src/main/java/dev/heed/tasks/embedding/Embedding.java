package dev.heed.tasks.embedding;

import java.util.Arrays;

/**
 * One text's embedding: an L2-normalized vector, and how many tokens were cut to fit the model. Immutable.
 *
 * @param vector unit-length vector
 * @param truncatedTokens tokens dropped by the long-input policy; 0 when the text fitted
 * @param alignment when asked for, the encoder's self-attention over the text (every layer and head)
 */
public record Embedding(float[] vector, int truncatedTokens, java.util.Optional<dev.heed.alignment.Alignment> alignment) {

    public Embedding(float[] vector, int truncatedTokens) {
        this(vector, truncatedTokens, java.util.Optional.empty());
    }

    public Embedding {
        vector = vector.clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    /** Cosine similarity with {@code other} (a dot product: both are unit length). */
    public double cosine(Embedding other) {
        double dot = 0;
        for (int i = 0; i < vector.length; i++) {
            dot += vector[i] * other.vector[i];
        }
        return dot;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding e && Arrays.equals(vector, e.vector) && truncatedTokens == e.truncatedTokens;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(vector) * 31 + truncatedTokens;
    }

    @Override
    public String toString() {
        return "Embedding[" + vector.length + " dims, truncated " + truncatedTokens + "]";
    }
}
