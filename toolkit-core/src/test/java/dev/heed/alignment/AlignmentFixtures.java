package dev.heed.alignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Alignments made in code for the exporter tests: cross-attention with subwords (with and without copy shares),
 * self-attention, pooling, late interaction.
 */
final class AlignmentFixtures {

    private AlignmentFixtures() {
    }

    /**
     * "Ein Haus." -> "A house.": source pieces [Ein, Ha, us, ., </s>] (words 0, 1, 1, 2, special), target
     * [A, house, .] ; target "A" looks at "Ein", "house" at "Ha"/"us" (0.45 + 0.45), "." at ".". Two layers, two
     * heads; layer 1 head 1 is the same as head 0, layer 0 is uniform.
     */
    static Alignment cross() {
        String source = "Ein Haus.";
        String target = "A house.";
        List<AlignmentToken> src = List.of(new AlignmentToken("Ein", 0, 3, 0, false),
                new AlignmentToken("Ha", 4, 6, 1, false), new AlignmentToken("us", 6, 8, 1, false),
                new AlignmentToken(".", 8, 9, 2, false), AlignmentToken.special("</s>", 9));
        List<AlignmentToken> tgt = List.of(new AlignmentToken("A", 0, 1, 0, false),
                new AlignmentToken("house", 2, 7, 1, false), new AlignmentToken(".", 7, 8, 2, false));
        float[][] last = {
            {0.8f, 0.05f, 0.05f, 0.05f, 0.05f},
            {0.05f, 0.45f, 0.45f, 0.025f, 0.025f},
            {0.05f, 0.05f, 0.05f, 0.75f, 0.1f}};
        float[] w = new float[2 * 2 * 3 * 5];
        int i = 0;
        for (int l = 0; l < 2; l++) {
            for (int h = 0; h < 2; h++) {
                for (int t = 0; t < 3; t++) {
                    for (int s = 0; s < 5; s++) {
                        w[i++] = l == 0 ? 0.2f : last[t][s];
                    }
                }
            }
        }
        return new Alignment("test-mt", AlignmentKind.CROSS_ATTENTION, source, target, src, tgt, 2, 2, w);
    }

    /** The copy shares of {@link #summary()}: "call" mostly generated, the name copied, {@code </s>} generated. */
    static final float[] SUMMARY_COPY = {0.1f, 0.9f, 0.8f, 0.05f};

    /**
     * A pointer-generator's summary "call Gimuda" of "please call Gimuda about it.": source pieces [please, call,
     * Gim, uda, about, it, ., </s>] (words 0 1 2 2 3 4 5, special), target [call, Gim, uda, </s>] with the copy
     * shares {@link #SUMMARY_COPY}. One layer, two heads, both alike: "call" attends to "call" (0.8), "Gim" to
     * "Gim" (0.85), "uda" to "uda" (0.75), {@code </s>} to "." (0.6); the rest of each row spread evenly.
     */
    static Alignment summary() {
        String source = "please call Gimuda about it.";
        String target = "call Gimuda";
        List<AlignmentToken> src = List.of(new AlignmentToken("please", 0, 6, 0, false),
                new AlignmentToken("call", 7, 11, 1, false), new AlignmentToken("Gim", 12, 15, 2, false),
                new AlignmentToken("uda", 15, 18, 2, false), new AlignmentToken("about", 19, 24, 3, false),
                new AlignmentToken("it", 25, 27, 4, false), new AlignmentToken(".", 27, 28, 5, false),
                AlignmentToken.special("</s>", 28));
        List<AlignmentToken> tgt = List.of(new AlignmentToken("call", 0, 4, 0, false),
                new AlignmentToken("Gim", 5, 8, 1, false), new AlignmentToken("uda", 8, 11, 1, false),
                AlignmentToken.special("</s>", 11));
        int[] peak = {1, 2, 3, 6};
        float[] top = {0.8f, 0.85f, 0.75f, 0.6f};
        float[] w = new float[2 * 4 * 8];
        for (int h = 0; h < 2; h++) {
            for (int t = 0; t < 4; t++) {
                for (int s = 0; s < 8; s++) {
                    w[(h * 4 + t) * 8 + s] = s == peak[t] ? top[t] : (1 - top[t]) / 7;
                }
            }
        }
        return new Alignment("test-pg", AlignmentKind.CROSS_ATTENTION, source, target, src, tgt, 1, 2, w,
                java.util.Optional.of(SUMMARY_COPY));
    }

    /** A sentiment model's pooling over "a gorgeous , witty film": one row, the label, mostly on "gorgeous". */
    static Alignment pooling() {
        String text = "a gorgeous, witty film";
        List<AlignmentToken> src = List.of(new AlignmentToken("a", 0, 1, 0, false),
                new AlignmentToken("gorgeous", 2, 10, 1, false), new AlignmentToken(",", 10, 11, 2, false),
                new AlignmentToken("witty", 12, 17, 3, false), new AlignmentToken("film", 18, 22, 4, false));
        List<AlignmentToken> label = List.of(new AlignmentToken("positive", 0, 8, 0, false));
        return new Alignment("sst2", AlignmentKind.POOLING, text, "positive", src, label, 1, 1,
                new float[] {0.05f, 0.6f, 0.05f, 0.25f, 0.05f});
    }

    /** Pooling over the words of {@code text} (split at spaces) into {@code label}, seeded weights that sum to 1. */
    /** Query words (rows) against document words (columns): cosines of their states, negative ones as 0. */
    static Alignment lateInteraction() {
        String doc = "statins lower cholesterol";
        String query = "do statins reduce cholesterol";
        List<AlignmentToken> d = List.of(new AlignmentToken("statins", 0, 7, 0, false),
                new AlignmentToken("lower", 8, 13, 1, false), new AlignmentToken("cholesterol", 14, 25, 2, false));
        List<AlignmentToken> q = List.of(new AlignmentToken("do", 0, 2, 0, false),
                new AlignmentToken("statins", 3, 10, 1, false), new AlignmentToken("reduce", 11, 17, 2, false),
                new AlignmentToken("cholesterol", 18, 29, 3, false));
        return new Alignment("bge-small-en-v1.5", AlignmentKind.LATE_INTERACTION, doc, query, d, q, 1, 1,
                new float[] {0.1f, 0.2f, 0f, 0.95f, 0.3f, 0.4f, 0.35f, 0.8f, 0.45f, 0.4f, 0.3f, 0.97f});
    }

    static Alignment poolingOver(String text, String label, long seed) {
        List<AlignmentToken> src = new ArrayList<>();
        int at = 0;
        for (String word : text.split(" ")) {
            src.add(new AlignmentToken(word, at, at + word.length(), src.size(), false));
            at += word.length() + 1;
        }
        Random r = new Random(seed);
        float[] w = new float[src.size()];
        double sum = 0;
        double[] e = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            e[i] = Math.exp(2 * r.nextGaussian());
            sum += e[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (e[i] / sum);
        }
        return new Alignment("sst2", AlignmentKind.POOLING, text, label, src,
                List.of(new AlignmentToken(label, 0, label.length(), 0, false)), 1, 1, w);
    }

    /** Self-attention of {@code layers x heads} over {@code n} tokens (plus [CLS] and [SEP]), rows from softmax. */
    static Alignment selfAttention(int layers, int heads, int n, long seed) {
        StringBuilder text = new StringBuilder();
        List<AlignmentToken> tokens = new ArrayList<>();
        tokens.add(AlignmentToken.special("[CLS]", 0));
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                text.append(' ');
            }
            String word = "w" + i;
            tokens.add(new AlignmentToken(word, text.length(), text.length() + word.length(), i, false));
            text.append(word);
        }
        tokens.add(AlignmentToken.special("[SEP]", text.length()));
        int s = tokens.size();
        Random r = new Random(seed);
        float[] w = new float[layers * heads * s * s];
        for (int row = 0; row < layers * heads * s; row++) {
            double sum = 0;
            double[] e = new double[s];
            for (int c = 0; c < s; c++) {
                e[c] = Math.exp(3 * r.nextGaussian());
                sum += e[c];
            }
            for (int c = 0; c < s; c++) {
                w[row * s + c] = (float) (e[c] / sum);
            }
        }
        return new Alignment("test-bert", AlignmentKind.SELF_ATTENTION, text.toString(), text.toString(), tokens,
                tokens, layers, heads, w);
    }
}
