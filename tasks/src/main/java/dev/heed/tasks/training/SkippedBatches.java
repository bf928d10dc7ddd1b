package dev.heed.tasks.training;

import java.util.function.Consumer;

/**
 * The batches a training run skipped because their loss or gradient was not finite (see
 * {@link FiniteGradients}): each one is reported, and past {@link #MAX} in one run training is declared
 * diverged. One per run; not thread-safe.
 */
public final class SkippedBatches {

    /** More skipped batches than this in one run stop it. */
    public static final int MAX = 20;

    private final Consumer<String> progress;
    private final String advice;
    private int count;

    /** {@code advice} ends the error when training diverges, e.g. {@code "lower --lr (now 0.001)"}. */
    public SkippedBatches(Consumer<String> progress, String advice) {
        this.progress = progress;
        this.advice = advice;
    }

    /**
     * Records one skipped batch, {@code updates} updates into {@code epoch}: reports it, or throws
     * {@link IllegalStateException} when it is one more than {@link #MAX}.
     */
    public void skip(int epoch, int updates) {
        count++;
        if (count > MAX) {
            throw new IllegalStateException("the training loss or gradient was not finite in " + count
                    + " batches (epoch " + epoch + ", after " + updates + " updates): training diverged; " + advice);
        }
        progress.accept("epoch " + epoch + ": a batch gave a non-finite loss or gradient after " + updates
                + " updates: skipped, no update (" + count + " of at most " + MAX + ")");
    }
}
