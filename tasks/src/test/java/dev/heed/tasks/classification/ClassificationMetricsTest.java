package dev.heed.tasks.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    @Test
    void countsAgainstHandComputedValues() {
        // gold:      n n n p p p p
        // predicted: n n p p p n p
        ClassificationMetrics m = ClassificationMetrics.of(List.of("negative", "positive"),
                new int[] {0, 0, 0, 1, 1, 1, 1}, new int[] {0, 0, 1, 1, 1, 0, 1});
        assertArrayEquals(new long[] {2, 1}, m.confusion()[0]);
        assertArrayEquals(new long[] {1, 3}, m.confusion()[1]);
        assertEquals(5.0 / 7, m.accuracy(), 1e-12);
        assertEquals(2.0 / 3, m.precision(0), 1e-12);
        assertEquals(2.0 / 3, m.recall(0), 1e-12);
        assertEquals(3.0 / 4, m.precision(1), 1e-12);
        assertEquals(3.0 / 4, m.recall(1), 1e-12);
        assertEquals((2.0 / 3 + 3.0 / 4) / 2, m.macroF1(), 1e-12);
    }

    @Test
    void aClassNeverPredictedHasZeroPrecisionNotNaN() {
        ClassificationMetrics m = ClassificationMetrics.of(List.of("a", "b", "c"), new int[] {0, 1, 2},
                new int[] {0, 0, 0});
        assertEquals(0.0, m.precision(1));
        assertEquals(0.0, m.f1(2));
        assertEquals(1.0 / 3, m.accuracy(), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.of(List.of("a", "b"), new int[] {0}, new int[] {0, 1}));
    }
}
