package dev.heed.tasks.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * ROUGE-Lsum, the summary-level LCS of Lin (2004, section 3.2), as rouge-score's {@code _summary_level_lcs} and
 * {@code _union_lcs}. Texts are split into sentences at every {@code '\n'} and nothing else ({@code "\r"}, U+2028
 * and U+0085 do not split; a {@code "\r"} is a non-letter like any other), and empty strings between newlines are
 * dropped, while a sentence without tokens (only spaces or punctuation) stays as an empty sentence. For each
 * reference sentence, the LCS with every prediction sentence is read back ({@link LongestCommonSubsequence}) and
 * the union of their reference positions taken in order; each token of that union is a hit while both the
 * reference and the prediction, counted over all their sentences, still hold an unused copy of it, and a hit uses
 * one copy on each side. Precision is hits over the prediction's tokens, recall hits over the reference's; 0 when
 * either side has no sentence or no token. Stateless.
 */
final class RougeLsum {

    private RougeLsum() {
    }

    /** rouge-score's {@code get_sents}: the pieces of {@code text} between newlines, empty ones dropped. */
    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = text.indexOf('\n', start);
            int stop = end < 0 ? text.length() : end;
            if (stop > start) {
                sentences.add(text.substring(start, stop));
            }
            if (end < 0) {
                return sentences;
            }
            start = end + 1;
        }
    }

    static RougeScore score(List<List<String>> target, List<List<String>> prediction) {
        if (target.isEmpty() || prediction.isEmpty()) {
            return RougeScore.ZERO;
        }
        Map<String, Integer> targetLeft = counts(target);
        Map<String, Integer> predictionLeft = counts(prediction);
        int m = total(target);
        int n = total(prediction);
        if (m == 0 || n == 0) {
            return RougeScore.ZERO;
        }
        int hits = 0;
        for (List<String> sentence : target) {
            TreeSet<Integer> union = new TreeSet<>();
            for (List<String> candidate : prediction) {
                for (int i : LongestCommonSubsequence.referenceIndices(sentence, candidate)) {
                    union.add(i);
                }
            }
            for (int i : union) {
                String token = sentence.get(i);
                if (predictionLeft.getOrDefault(token, 0) > 0 && targetLeft.getOrDefault(token, 0) > 0) {
                    hits++;
                    predictionLeft.merge(token, -1, Integer::sum);
                    targetLeft.merge(token, -1, Integer::sum);
                }
            }
        }
        return RougeScore.of(hits / (double) n, hits / (double) m);
    }

    private static Map<String, Integer> counts(List<List<String>> sentences) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> sentence : sentences) {
            for (String token : sentence) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static int total(List<List<String>> sentences) {
        int total = 0;
        for (List<String> sentence : sentences) {
            total += sentence.size();
        }
        return total;
    }
}
