package dev.heed.tasks.sentiment;

import dev.heed.alignment.Alignment;
import dev.heed.alignment.AlignmentKind;
import dev.heed.alignment.AlignmentToken;
import dev.heed.tasks.classification.TextVectorizer;
import dev.heed.text.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The alignments of one batch of sentiment predictions, cut out of the batch's padded attention maps: pooling
 * attention {@code (B, 1, 1, S)} as one row from the predicted label to the tokens; self-attention of every
 * layer {@code (B, H, S, S)} as an {@code (L, H, n, n)} alignment over the record's own n tokens. Stateless.
 */
final class SentimentAlignments {

    private SentimentAlignments() {
    }

    /** Record {@code b}'s pooling alignment: the label {@code label} over its tokens. */
    static Alignment pooling(String model, String text, TextVectorizer.Vectorized v, String label, float[] batchWeights,
            int b, int padded) {
        int n = v.tokens().size();
        float[] w = java.util.Arrays.copyOfRange(batchWeights, b * padded, b * padded + n);
        return new Alignment(model, AlignmentKind.POOLING, text, label, tokens(v),
                List.of(new AlignmentToken(label, 0, label.length(), 0, false)), 1, 1, w);
    }

    /** Record {@code b}'s self-attention over its tokens, all layers and heads, from {@code layers[l]} = {@code (B, H, S, S)}. */
    static Alignment selfAttention(String model, String text, TextVectorizer.Vectorized v, List<float[]> layers,
            int heads, int b, int padded) {
        int n = v.tokens().size();
        float[] w = new float[layers.size() * heads * n * n];
        int i = 0;
        for (float[] layer : layers) {
            for (int h = 0; h < heads; h++) {
                for (int t = 0; t < n; t++) {
                    int row = ((b * heads + h) * padded + t) * padded;
                    System.arraycopy(layer, row, w, i, n);
                    i += n;
                }
            }
        }
        List<AlignmentToken> tokens = tokens(v);
        return new Alignment(model, AlignmentKind.SELF_ATTENTION, text, text, tokens, tokens, layers.size(), heads, w);
    }

    private static List<AlignmentToken> tokens(TextVectorizer.Vectorized v) {
        List<AlignmentToken> tokens = new ArrayList<>(v.tokens().size());
        for (int i = 0; i < v.tokens().size(); i++) {
            Token t = v.tokens().get(i);
            tokens.add(t.special() || v.words()[i] < 0 ? AlignmentToken.special(t.surface(), t.start())
                    : new AlignmentToken(t.surface(), t.start(), t.end(), v.words()[i], false));
        }
        return tokens;
    }
}
