package dev.heed.tasks.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SkippedBatchesTest {

    @Test
    void everySkippedBatchIsReportedAndOneTooManyStopsTheRunWithTheAdvice() {
        List<String> reports = new ArrayList<>();
        SkippedBatches skipped = new SkippedBatches(reports::add, "lower --lr (now 0.5)", SkippedBatches.MAX);
        for (int i = 1; i <= SkippedBatches.MAX; i++) {
            skipped.skip(2, 10 * i);
        }
        assertEquals(SkippedBatches.MAX, reports.size());
        assertEquals("epoch 2: a batch gave a non-finite loss or gradient after 10 updates: skipped, no update"
                + " (1 of at most 20)", reports.get(0));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> skipped.skip(3, 7));
        assertTrue(e.getMessage().contains("not finite in 21 batches (epoch 3, after 7 updates)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("training diverged; lower --lr (now 0.5)"), e.getMessage());
        assertEquals(SkippedBatches.MAX, reports.size(), "the one that stops the run is thrown, not reported");
    }

    @Test
    void aSkippedBatchSaysWhatWasNotFiniteAndWhichRecordsItHeld() {
        assertEquals("loss NaN; training records 7,12,3", SkippedBatches.describe(Float.NaN, List.of(),
                new int[] {7, 12, 3}));
        assertEquals("loss Infinity", SkippedBatches.describe(Float.POSITIVE_INFINITY, List.of(), new int[0]));
        assertEquals("gradient not finite in 2 parameters: decoder.w, decoder.b; training records 5",
                SkippedBatches.describe(1.5f, List.of("decoder.w", "decoder.b"), new int[] {5}));
        assertEquals("gradient not finite in 1 parameter: w", SkippedBatches.describe(0f, List.of("w"), new int[0]));

        List<String> reports = new ArrayList<>();
        SkippedBatches skipped = new SkippedBatches(reports::add, "lower --lr", 1);
        skipped.skip(1, 620, "loss NaN; training records 9");
        assertEquals("epoch 1: a batch gave a non-finite loss or gradient after 620 updates: skipped, no update"
                + " (1 of at most 1) [loss NaN; training records 9]", reports.get(0));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> skipped.skip(2, 4, "gradient not finite in 1 parameter: w"));
        assertTrue(e.getMessage().contains("(epoch 2, after 4 updates [gradient not finite in 1 parameter: w]):"),
                e.getMessage());
    }

    @Test
    void aToleranceOfZeroStopsAtTheFirstNonFiniteBatch() {
        List<String> reports = new ArrayList<>();
        SkippedBatches strict = new SkippedBatches(reports::add, "lower --lr", 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> strict.skip(1, 3));
        assertTrue(e.getMessage().contains("not finite in 1 batches (epoch 1, after 3 updates)"), e.getMessage());
        assertTrue(reports.isEmpty());
    }

    @Test
    void theTestsRunWithNoToleranceSoANonFiniteLossFailsThem() {
        // set by the build's surefire argLine for every module
        assertEquals(0, SkippedBatches.toleranceFromProperty(),
                "tests must run with -D" + SkippedBatches.TOLERANCE_PROPERTY + "=0");
    }

    @Test
    void aBadToleranceIsRefusedNamingTheProperty() {
        String before = System.getProperty(SkippedBatches.TOLERANCE_PROPERTY);
        try {
            System.setProperty(SkippedBatches.TOLERANCE_PROPERTY, "-1");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    SkippedBatches::toleranceFromProperty);
            assertTrue(e.getMessage().contains(SkippedBatches.TOLERANCE_PROPERTY), e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(SkippedBatches.TOLERANCE_PROPERTY);
            } else {
                System.setProperty(SkippedBatches.TOLERANCE_PROPERTY, before);
            }
        }
    }
}
