package dev.heed.tasks.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ROUGE-N as rouge-score's {@code _score_ngrams}: each n-gram of the reference matches at most as often as it
 * occurs in the prediction; precision divides the matches by the prediction's n-gram count, recall by the
 * reference's, each count at least 1 (a side with fewer than n tokens scores 0, not NaN). Stateless.
 */
final class RougeN {

    private RougeN() {
    }

    static RougeScore score(List<String> target, List<String> prediction, int n) {
        Map<String, Integer> targetCounts = counts(target, n);
        Map<String, Integer> predictionCounts = counts(prediction, n);
        long matches = 0;
        for (Map.Entry<String, Integer> e : targetCounts.entrySet()) {
            matches += Math.min(e.getValue(), predictionCounts.getOrDefault(e.getKey(), 0));
        }
        long targetTotal = Math.max(target.size() - n + 1, 0);
        long predictionTotal = Math.max(prediction.size() - n + 1, 0);
        double precision = matches / (double) Math.max(predictionTotal, 1);
        double recall = matches / (double) Math.max(targetTotal, 1);
        return RougeScore.of(precision, recall);
    }

    /** The n-grams of {@code tokens} with their counts; tokens hold no space, so a space joins them. */
    private static Map<String, Integer> counts(List<String> tokens, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }
}
