package dev.heed.tasks.translation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CombinedNBestTest {

    @Test
    void theBestCombinationsOfEachSentencesHypothesesComeBestFirst() {
        List<double[]> scores = List.of(new double[] {-1.0, -1.5, -4.0}, new double[] {-2.0, -2.2, -2.3});
        List<int[]> best = CombinedNBest.best(scores, 4);
        assertEquals(4, best.size());
        assertArrayEquals(new int[] {0, 0}, best.get(0)); // -3.0
        assertArrayEquals(new int[] {0, 1}, best.get(1)); // -3.2
        assertArrayEquals(new int[] {0, 2}, best.get(2)); // -3.3
        assertArrayEquals(new int[] {1, 0}, best.get(3)); // -3.5
    }

    @Test
    void neverMoreThanThereAreCombinations() {
        assertEquals(2, CombinedNBest.best(List.of(new double[] {-1}, new double[] {-1, -2}), 5).size());
        assertEquals(1, CombinedNBest.best(List.of(new double[] {-1}, new double[] {-1}), 3).size());
    }
}
