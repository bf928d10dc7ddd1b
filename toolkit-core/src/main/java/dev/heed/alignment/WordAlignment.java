package dev.heed.alignment;

import java.util.ArrayList;
import java.util.List;

/**
 * An alignment between words rather than tokens: a {@code (T, S)} token matrix aggregated to words by summing
 * over a source word's pieces (the attention a target piece pays to the word) and averaging over a target
 * word's pieces (each piece of the word has its say). Special tokens drop out. Immutable.
 *
 * @param sourceWords the source words' texts, by word index
 * @param targetWords the target words' texts, by word index
 * @param weights {@code [target word][source word]}
 */
public record WordAlignment(List<String> sourceWords, List<String> targetWords, float[][] weights) {

    /** The words of {@code layer} of {@code alignment}, averaged over heads, or of one {@code head} (>= 0). */
    public static WordAlignment of(Alignment alignment, int layer, int head) {
        float[][] tokens = head < 0 ? alignment.headMean(layer) : single(alignment, layer, head);
        List<AlignmentToken> src = alignment.sourceTokens();
        List<AlignmentToken> tgt = alignment.targetTokens();
        List<String> sourceWords = words(src, alignment.source());
        List<String> targetWords = words(tgt, alignment.target());
        float[][] sums = new float[targetWords.size()][sourceWords.size()];
        int[] pieces = new int[targetWords.size()];
        for (int t = 0; t < tgt.size(); t++) {
            int tw = tgt.get(t).word();
            if (tw < 0) {
                continue;
            }
            pieces[tw]++;
            for (int s = 0; s < src.size(); s++) {
                int sw = src.get(s).word();
                if (sw >= 0) {
                    sums[tw][sw] += tokens[t][s];
                }
            }
        }
        for (int tw = 0; tw < sums.length; tw++) {
            for (int sw = 0; sw < sums[tw].length && pieces[tw] > 0; sw++) {
                sums[tw][sw] /= pieces[tw];
            }
        }
        return new WordAlignment(sourceWords, targetWords, sums);
    }

    private static float[][] single(Alignment a, int layer, int head) {
        if (head >= a.heads()) {
            throw new IllegalArgumentException("head " + head + " of an alignment with " + a.heads() + " heads");
        }
        float[][] m = new float[a.rows()][a.columns()];
        for (int t = 0; t < a.rows(); t++) {
            for (int s = 0; s < a.columns(); s++) {
                m[t][s] = a.weight(layer, head, t, s);
            }
        }
        return m;
    }

    /** Word texts by index: from the first piece's start to the last piece's end of each word. */
    static List<String> words(List<AlignmentToken> tokens, String text) {
        int count = tokens.stream().mapToInt(AlignmentToken::word).max().orElse(-1) + 1;
        int[] start = new int[count];
        int[] end = new int[count];
        java.util.Arrays.fill(start, Integer.MAX_VALUE);
        for (AlignmentToken t : tokens) {
            if (t.word() >= 0) {
                start[t.word()] = Math.min(start[t.word()], t.start());
                end[t.word()] = Math.max(end[t.word()], t.end());
            }
        }
        List<String> words = new ArrayList<>(count);
        for (int w = 0; w < count; w++) {
            words.add(start[w] == Integer.MAX_VALUE ? "" : text.substring(start[w], end[w]));
        }
        return words;
    }

    /**
     * Pharaoh pairs {@code i-j} (source word i, target word j), in target then source order: for each target
     * word its strongest source word ({@code threshold} empty), or every source word whose weight reaches the
     * threshold.
     */
    public String pharaoh(java.util.OptionalDouble threshold) {
        List<String> pairs = new ArrayList<>();
        for (int j = 0; j < targetWords.size(); j++) {
            if (sourceWords.isEmpty()) {
                break;
            }
            if (threshold.isPresent()) {
                for (int i = 0; i < sourceWords.size(); i++) {
                    if (weights[j][i] >= threshold.getAsDouble()) {
                        pairs.add(i + "-" + j);
                    }
                }
            } else {
                int best = 0;
                for (int i = 1; i < sourceWords.size(); i++) {
                    if (weights[j][i] > weights[j][best]) {
                        best = i;
                    }
                }
                pairs.add(best + "-" + j);
            }
        }
        return String.join(" ", pairs);
    }
}
