package dev.heed.tasks.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus chrF (Popović 2015) exactly as sacreBLEU 2 computes it by default ({@code CHRF()}), with one or more
 * reference streams: character n-grams of orders 1 to 6 over each segment with all whitespace removed, counted
 * by Unicode code point. For each order a segment adds its hypothesis n-grams, its reference n-grams and their
 * clipped matches, except that a reference too short to hold an n-gram of that order (an empty line, three
 * characters against order 4) makes the hypothesis n-grams of that order not count either; with several
 * references, the segment takes the counts of the reference with the best segment F (the first on a tie).
 * Over the corpus sums, precision and recall are averaged over the orders that occur on both sides, and
 * F-beta with beta = 2 taken of the averages. {@code SacreBleuParityTest} and {@code SacreBleuFixturesTest}
 * freeze sacreBLEU 2.6.0's figures. Stateless, thread-safe.
 */
public final class Chrf {

    private static final int ORDER = 6;
    private static final double BETA = 2;
    private static final int HYP = 0;
    private static final int REF = 1;
    private static final int MATCH = 2;

    /** The chrF in [0, 100] of {@code hypotheses} against one reference each. */
    public double score(List<String> hypotheses, List<String> references) {
        return corpusScore(hypotheses, List.of(references)).score();
    }

    /**
     * The chrF of {@code hypotheses} against one or more reference streams, sacreBLEU's
     * {@code CHRF().corpus_score(hypotheses, references)}: each stream holds a reference for every hypothesis,
     * line by line.
     *
     * @throws IllegalArgumentException when there is no stream or a stream does not pair up with the hypotheses
     */
    public ChrfScore corpusScore(List<String> hypotheses, List<List<String>> references) {
        ReferenceStreams.check(hypotheses, references);
        long[][] corpus = new long[ORDER][3];
        for (int i = 0; i < hypotheses.size(); i++) {
            List<Map<String, Integer>> hyp = ngrams(hypotheses.get(i));
            long[][] best = null;
            double bestF = -1;
            for (String reference : ReferenceStreams.segment(references, i)) {
                long[][] stats = statistics(hyp, ngrams(reference));
                double f = fScore(stats);
                if (f > bestF) {
                    bestF = f;
                    best = stats;
                }
            }
            for (int n = 0; n < ORDER; n++) {
                for (int k = 0; k < 3; k++) {
                    corpus[n][k] += best[n][k];
                }
            }
        }
        return new ChrfScore(fScore(corpus), signature(references.size()));
    }

    /** The n-gram counts of orders 1..6 of {@code segment} without its whitespace. */
    private static List<Map<String, Integer>> ngrams(String segment) {
        int[] codePoints = PythonText.codePoints(String.join("", PythonText.split(segment)));
        List<Map<String, Integer>> orders = new ArrayList<>(ORDER);
        for (int n = 1; n <= ORDER; n++) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i + n <= codePoints.length; i++) {
                counts.merge(new String(codePoints, i, n), 1, Integer::sum);
            }
            orders.add(counts);
        }
        return orders;
    }

    /** sacreBLEU's {@code _get_match_statistics} per order: hypothesis, reference and matched counts. */
    private static long[][] statistics(List<Map<String, Integer>> hyp, List<Map<String, Integer>> ref) {
        long[][] stats = new long[ORDER][3];
        for (int n = 0; n < ORDER; n++) {
            Map<String, Integer> refCounts = ref.get(n);
            long hypCount = 0;
            long matches = 0;
            for (Map.Entry<String, Integer> e : hyp.get(n).entrySet()) {
                hypCount += e.getValue();
                matches += Math.min(e.getValue(), refCounts.getOrDefault(e.getKey(), 0));
            }
            stats[n][HYP] = refCounts.isEmpty() ? 0 : hypCount; // no reference n-gram of this order: none counts
            stats[n][REF] = refCounts.values().stream().mapToLong(Integer::longValue).sum();
            stats[n][MATCH] = matches;
        }
        return stats;
    }

    /** sacreBLEU's {@code _compute_f_score} without eps smoothing, in its order of operations. */
    private static double fScore(long[][] stats) {
        double factor = BETA * BETA;
        double precision = 0;
        double recall = 0;
        int effective = 0;
        for (long[] s : stats) {
            if (s[HYP] > 0 && s[REF] > 0) {
                precision += s[MATCH] / (double) s[HYP];
                recall += s[MATCH] / (double) s[REF];
                effective++;
            }
        }
        if (effective > 0) {
            precision /= effective;
            recall /= effective;
        }
        if (precision + recall == 0) {
            return 0.0;
        }
        double score = (1 + factor) * precision * recall;
        score /= factor * precision + recall;
        return 100 * score;
    }

    /** sacreBLEU's signature of this configuration with one reference. */
    public String signature() {
        return signature(1);
    }

    /** sacreBLEU's signature of this configuration with {@code references} reference streams. */
    public String signature(int references) {
        return "nrefs:" + references + "|case:mixed|eff:yes|nc:6|nw:0|space:no|version:" + Bleu.SACREBLEU_VERSION;
    }
}
