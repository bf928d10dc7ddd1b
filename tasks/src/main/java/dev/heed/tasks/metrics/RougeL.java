package dev.heed.tasks.metrics;

import java.util.List;

/**
 * ROUGE-L as rouge-score's {@code _score_lcs}: the longest common subsequence of the whole texts' tokens over the
 * prediction's length (precision) and the reference's (recall); 0 when either side has no token. Stateless.
 */
final class RougeL {

    private RougeL() {
    }

    static RougeScore score(List<String> target, List<String> prediction) {
        if (target.isEmpty() || prediction.isEmpty()) {
            return RougeScore.ZERO;
        }
        int lcs = LongestCommonSubsequence.length(target, prediction);
        return RougeScore.of(lcs / (double) prediction.size(), lcs / (double) target.size());
    }
}
