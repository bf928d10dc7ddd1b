package dev.heed.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Shares the CPU among worker threads that each run the PyTorch engine: while open, libtorch's intra-op
 * thread count is {@code max(1, cores / workers)}; closing restores the count it found.
 *
 * <p>Why: libtorch parallelizes each operation over OpenMP, and every Java thread that runs operations gets
 * its own OpenMP team. Several teams on few cores oversubscribe them, and GNU OpenMP then stops spinning
 * between operations and puts its threads to sleep, so each of the hundreds of small operations of a
 * forward pass waits for a thread to wake (measured: a batch-1 BERT pass twice as slow). With one intra-op
 * thread per worker there are no teams at all. One worker leaves the count alone.
 *
 * <p>The count is process-wide, so this is for whoever owns the process's workers (the batch runner); a
 * count the user chose with {@value #PROPERTY} is never changed.
 */
public final class IntraOpThreads implements AutoCloseable {

    /** DJL's setting for libtorch's intra-op threads (a system property or an environment variable). */
    public static final String PROPERTY = "ai.djl.pytorch.num_threads";

    private final int restore;
    private final int inEffect;

    private IntraOpThreads(int restore, int inEffect) {
        this.restore = restore;
        this.inEffect = inEffect;
    }

    /**
     * Sets libtorch's intra-op threads for {@code workers} concurrent workers until closed.
     *
     * @throws IllegalArgumentException when {@code workers < 1}
     */
    public static IntraOpThreads shareAmong(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        Engine.getEngine("PyTorch");
        int current = JniUtils.getNumThreads();
        if (workers == 1 || userChose()) {
            return new IntraOpThreads(current, current);
        }
        int share = perWorker(Runtime.getRuntime().availableProcessors(), workers);
        JniUtils.setNumThreads(share);
        return new IntraOpThreads(current, share);
    }

    /** Threads for each of {@code workers} workers on {@code cores} cores: {@code max(1, cores / workers)}. */
    static int perWorker(int cores, int workers) {
        return Math.max(1, cores / workers);
    }

    private static boolean userChose() {
        return userSetting() != null;
    }

    /**
     * The intra-op thread count the user fixed with {@value #PROPERTY} (system property first, then the
     * environment), or 0 when none is set or it is not a number (DJL reports a malformed setting itself).
     */
    public static int fixedByUser() {
        String chosen = userSetting();
        if (chosen == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(chosen.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String userSetting() {
        return System.getProperty(PROPERTY, System.getenv(PROPERTY));
    }

    /** The intra-op thread count while this is open. */
    public int inEffect() {
        return inEffect;
    }

    @Override
    public void close() {
        if (restore != inEffect) {
            JniUtils.setNumThreads(restore);
        }
    }
}
