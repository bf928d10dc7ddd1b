package dev.heed.tasks.translation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The n best translations of a text translated sentence by sentence: the combinations of each sentence's own
 * hypotheses with the highest mean score, best first (the first is the best of every sentence). A combination's
 * score is the mean of its sentences' scores, as the text's best translation is scored. Stateless.
 */
final class CombinedNBest {

    private CombinedNBest() {
    }

    /**
     * The {@code n} best combinations of {@code perSentence} (each list best first, none empty), at most as many
     * as there are combinations; each is one index per sentence.
     */
    static List<int[]> best(List<double[]> perSentence, int n) {
        record Candidate(int[] picks, double total) {
        }
        PriorityQueue<Candidate> queue = new PriorityQueue<>((a, b) -> Double.compare(b.total(), a.total()));
        Set<List<Integer>> seen = new HashSet<>();
        int[] first = new int[perSentence.size()];
        queue.add(new Candidate(first, total(perSentence, first)));
        seen.add(key(first));
        List<int[]> out = new ArrayList<>(n);
        while (!queue.isEmpty() && out.size() < n) {
            Candidate c = queue.poll();
            out.add(c.picks());
            for (int s = 0; s < c.picks().length; s++) {
                if (c.picks()[s] + 1 < perSentence.get(s).length) {
                    int[] next = Arrays.copyOf(c.picks(), c.picks().length);
                    next[s]++;
                    if (seen.add(key(next))) {
                        queue.add(new Candidate(next, total(perSentence, next)));
                    }
                }
            }
        }
        return out;
    }

    private static double total(List<double[]> perSentence, int[] picks) {
        double sum = 0;
        for (int s = 0; s < picks.length; s++) {
            sum += perSentence.get(s)[picks[s]];
        }
        return sum;
    }

    private static List<Integer> key(int[] picks) {
        return Arrays.stream(picks).boxed().toList();
    }
}
