package dev.heed.tasks.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus chrF (Popović 2015) exactly as sacreBLEU 2 computes it by default with one reference: character
 * n-grams of orders 1 to 6 over each segment with all whitespace removed, counted by Unicode code point;
 * hypothesis, reference and matched counts summed over the corpus; precision and recall averaged over the
 * orders that occur on both sides; F-beta with beta = 2. {@code ChrfTest} freezes sacreBLEU 2.6.0's figures.
 * Stateless, thread-safe.
 */
public final class Chrf {

    private static final int ORDER = 6;
    private static final double BETA = 2;

    /** The chrF in [0, 100] of {@code hypotheses} against one reference each. */
    public double score(List<String> hypotheses, List<String> references) {
        if (hypotheses.size() != references.size()) {
            throw new IllegalArgumentException(hypotheses.size() + " hypotheses but " + references.size()
                    + " references: they must pair up line by line");
        }
        long[][] stats = new long[ORDER][3];
        for (int i = 0; i < hypotheses.size(); i++) {
            int[] hyp = PythonText.codePoints(String.join("", PythonText.split(hypotheses.get(i))));
            int[] ref = PythonText.codePoints(String.join("", PythonText.split(references.get(i))));
            for (int n = 1; n <= ORDER; n++) {
                Map<String, Integer> hypCounts = ngrams(hyp, n);
                Map<String, Integer> refCounts = ngrams(ref, n);
                long[] s = stats[n - 1];
                s[0] += Math.max(0, hyp.length - n + 1);
                s[1] += Math.max(0, ref.length - n + 1);
                for (Map.Entry<String, Integer> e : hypCounts.entrySet()) {
                    s[2] += Math.min(e.getValue(), refCounts.getOrDefault(e.getKey(), 0));
                }
            }
        }
        return fScore(stats);
    }

    private static Map<String, Integer> ngrams(int[] codePoints, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= codePoints.length; i++) {
            counts.merge(new String(codePoints, i, n), 1, Integer::sum);
        }
        return counts;
    }

    private static double fScore(long[][] stats) {
        double factor = BETA * BETA;
        double precision = 0;
        double recall = 0;
        int effective = 0;
        for (long[] s : stats) {
            if (s[0] > 0 && s[1] > 0) {
                precision += s[2] / (double) s[0];
                recall += s[2] / (double) s[1];
                effective++;
            }
        }
        if (effective == 0) {
            return 0.0;
        }
        precision /= effective;
        recall /= effective;
        if (precision + recall == 0) {
            return 0.0;
        }
        return 100 * (1 + factor) * precision * recall / (factor * precision + recall);
    }

    /** sacreBLEU's signature of this configuration with one reference. */
    public String signature() {
        return "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:" + Bleu.SACREBLEU_VERSION;
    }
}
