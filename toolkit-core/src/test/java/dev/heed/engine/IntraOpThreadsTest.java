package dev.heed.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

class IntraOpThreadsTest {

    @Test
    void eachWorkerGetsItsShareOfTheCoresAndAtLeastOne() {
        assertEquals(1, IntraOpThreads.perWorker(2, 2));
        assertEquals(1, IntraOpThreads.perWorker(2, 5));
        assertEquals(4, IntraOpThreads.perWorker(16, 4));
        assertEquals(2, IntraOpThreads.perWorker(7, 3));
    }

    @Test
    void severalWorkersShareLibtorchsThreadsUntilClosedThenTheOldCountIsBack() {
        Engine.getEngine("PyTorch");
        int before = JniUtils.getNumThreads();
        int expected = IntraOpThreads.perWorker(Runtime.getRuntime().availableProcessors(), 2);
        try (IntraOpThreads shared = IntraOpThreads.shareAmong(2)) {
            assertEquals(expected, shared.inEffect());
            assertEquals(expected, JniUtils.getNumThreads());
        }
        assertEquals(before, JniUtils.getNumThreads());
        try (IntraOpThreads alone = IntraOpThreads.shareAmong(1)) {
            assertEquals(before, alone.inEffect());
            assertEquals(before, JniUtils.getNumThreads(), "one worker leaves the count alone");
        }
    }

    @Test
    void aCountTheUserChoseIsKept() {
        Engine.getEngine("PyTorch");
        int before = JniUtils.getNumThreads();
        System.setProperty(IntraOpThreads.PROPERTY, String.valueOf(before));
        try (IntraOpThreads shared = IntraOpThreads.shareAmong(64)) {
            assertEquals(before, JniUtils.getNumThreads());
            assertEquals(before, shared.inEffect());
        } finally {
            System.clearProperty(IntraOpThreads.PROPERTY);
        }
        assertThrows(IllegalArgumentException.class, () -> IntraOpThreads.shareAmong(0));
    }
}
