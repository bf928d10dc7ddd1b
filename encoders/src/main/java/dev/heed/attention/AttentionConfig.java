package dev.heed.attention;

/**
 * The sizes an attention block is built with. Immutable; validated on construction. Each variant reads the
 * fields it needs and says which in its javadoc.
 *
 * @param queryDim size of each query vector, {@code Dq}
 * @param keyDim size of each key vector, {@code Dk}
 * @param valueDim size of each value vector, {@code Dv}
 * @param hiddenDim additive and local-p: size of the scoring layer; multi-head variants: model size
 *     (the projections' size and the output size), divisible by {@code heads}
 * @param heads number of heads of the multi-head variants (1 for the single-head ones)
 * @param window sliding-window: neighbours seen on each side; local-p: half-width D of the window
 */
public record AttentionConfig(int queryDim, int keyDim, int valueDim, int hiddenDim, int heads, int window) {

    public AttentionConfig {
        positive("queryDim", queryDim);
        positive("keyDim", keyDim);
        positive("valueDim", valueDim);
        positive("hiddenDim", hiddenDim);
        positive("heads", heads);
        positive("window", window);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }

    /** Self-attention over vectors of size {@code dim}: queries, keys and values all of that size. */
    public static AttentionConfig selfAttention(int dim, int heads, int window) {
        return new AttentionConfig(dim, dim, dim, dim, heads, window);
    }

    /** Cross-attention from decoder states of size {@code queryDim} to encoder states of size {@code keyDim}. */
    public static AttentionConfig crossAttention(int queryDim, int keyDim, int hiddenDim) {
        return new AttentionConfig(queryDim, keyDim, keyDim, hiddenDim, 1, 10);
    }
}
