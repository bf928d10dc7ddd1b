package dev.heed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WorkerCountTest {

    @Test
    void autoIsOneWorkerPerCoreOnTheCpuAndCapped() {
        assertEquals(1, WorkerCount.auto(1, false, 0));
        assertEquals(2, WorkerCount.auto(2, false, 0));
        assertEquals(WorkerCount.MOST_AUTO_WORKERS, WorkerCount.auto(64, false, 0));
    }

    @Test
    void autoIsOneWorkerOnAGpu() {
        assertEquals(1, WorkerCount.auto(16, true, 0));
    }

    @Test
    void autoLeavesEachWorkerTheIntraOpThreadsTheUserFixed() {
        assertEquals(1, WorkerCount.auto(2, false, 2));
        assertEquals(4, WorkerCount.auto(16, false, 4));
        assertEquals(1, WorkerCount.auto(2, false, 8));
        assertEquals(2, WorkerCount.auto(2, false, 1));
    }

    @Test
    void aCountIsTakenAsGiven() {
        assertEquals(3, WorkerCount.parse("3", false));
        assertEquals(5, WorkerCount.parse(" 5 ", true));
        int auto = WorkerCount.parse("AUTO", false);
        assertTrue(auto >= 1 && auto <= WorkerCount.MOST_AUTO_WORKERS, "auto gave " + auto);
    }

    @Test
    void anythingElseIsRefusedWithTheValue() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> WorkerCount.parse("0", false));
        assertTrue(zero.getMessage().contains("at least 1"), zero.getMessage());
        IllegalArgumentException word = assertThrows(IllegalArgumentException.class,
                () -> WorkerCount.parse("many", false));
        assertTrue(word.getMessage().contains("'many'"), word.getMessage());
    }
}
