package dev.heed.batch;

/**
 * How a batch run goes. Immutable; validated on construction.
 *
 * @param batchSize records per call to a predictor, at most (with several threads, a window too small to give each
 *     thread 4 batches is cut into smaller ones)
 * @param threads worker threads, each with its own predictor
 * @param windowBatches records are sorted by length within windows of {@code batchSize * windowBatches}
 *     records to cut padding; output order is always the input's
 * @param resume continue an interrupted run from its progress file instead of starting over
 */
public record BatchOptions(int batchSize, int threads, int windowBatches, boolean resume) {

    public BatchOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (windowBatches < 1) {
            throw new IllegalArgumentException("windowBatches must be >= 1, got " + windowBatches);
        }
    }

    /** Batch 32, one thread, windows of 16 batches, no resume. */
    public static BatchOptions defaults() {
        return new BatchOptions(32, 1, 16, false);
    }

    public BatchOptions withResume(boolean value) {
        return new BatchOptions(batchSize, threads, windowBatches, value);
    }
}
