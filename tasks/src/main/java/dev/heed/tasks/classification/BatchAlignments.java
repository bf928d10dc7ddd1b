package dev.heed.tasks.classification;

import dev.heed.alignment.Alignment;
import dev.heed.alignment.AlignmentKind;
import dev.heed.alignment.AlignmentToken;
import dev.heed.text.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Alignments cut out of a batch's padded attention maps, one record at a time: pooling attention
 * {@code (B, 1, 1, S)} as one row from the answer (a label) to the tokens; self-attention of every layer
 * {@code (B, H, S, S)} as an {@code (L, H, n, n)} alignment over the record's own n tokens. Stateless.
 */
public final class BatchAlignments {

    private BatchAlignments() {
    }

    /** Record {@code b}'s pooling alignment: the label {@code label} over its tokens. */
    public static Alignment pooling(String model, String text, List<Token> tokens, int[] words, String label,
            float[] batchWeights, int b, int padded) {
        int n = tokens.size();
        float[] w = java.util.Arrays.copyOfRange(batchWeights, b * padded, b * padded + n);
        return new Alignment(model, AlignmentKind.POOLING, text, label, tokens(tokens, words),
                List.of(new AlignmentToken(label, 0, label.length(), 0, false)), 1, 1, w);
    }

    /** Record {@code b}'s self-attention over its tokens, all layers and heads, from {@code layers[l]} = {@code (B, H, S, S)}. */
    public static Alignment selfAttention(String model, String text, List<Token> tokens, int[] words,
            List<float[]> layers, int heads, int b, int padded) {
        int n = tokens.size();
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
        List<AlignmentToken> aligned = tokens(tokens, words);
        return new Alignment(model, AlignmentKind.SELF_ATTENTION, text, text, aligned, aligned, layers.size(), heads, w);
    }

    /** A batch's self-attention: per layer in order, the flat {@code (B, H, S, S)} weights; H heads. */
    public record SelfAttention(List<float[]> layers, int heads) {

        /** The self-attention among {@code maps}, copied to the heap; empty when there is none. */
        public static java.util.Optional<SelfAttention> of(List<dev.heed.encoders.AttentionMap> maps) {
            java.util.SortedMap<Integer, float[]> layers = new java.util.TreeMap<>();
            int heads = 0;
            for (dev.heed.encoders.AttentionMap map : maps) {
                if (map.kind().equals(dev.heed.encoders.AttentionMap.SELF_ATTENTION)) {
                    layers.put(map.layer(), map.weights().toFloatArray());
                    heads = (int) map.weights().getShape().get(1);
                }
            }
            return layers.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of(new SelfAttention(List.copyOf(layers.values()), heads));
        }
    }

    private static List<AlignmentToken> tokens(List<Token> tokens, int[] words) {
        List<AlignmentToken> aligned = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            aligned.add(t.special() || words[i] < 0 ? AlignmentToken.special(t.surface(), t.start())
                    : new AlignmentToken(t.surface(), t.start(), t.end(), words[i], false));
        }
        return aligned;
    }
}
