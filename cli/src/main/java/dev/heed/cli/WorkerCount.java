package dev.heed.cli;

import dev.heed.engine.IntraOpThreads;

/**
 * The number of batch workers {@code --threads} asks for: a positive count, or {@code auto}.
 *
 * <p>{@code auto} is one worker per core, at most {@value #MOST_AUTO_WORKERS}, when the model runs on the CPU, and
 * one worker on a GPU (the workers would queue on the one device). When the user fixed libtorch's intra-op threads
 * ({@value IntraOpThreads#PROPERTY}), {@code auto} is cores divided by that count, so the cores are not
 * oversubscribed. On the CPU, workers with one libtorch intra-op
 * thread each beat one worker with all the threads: the small operations of a sentiment or embedding pass do
 * not spread well over cores, while separate batches do (bench/README.md, "Sentiment throughput"). The cap keeps memory
 * bounded on large machines, where the remaining cores go to each worker's intra-op threads.
 */
final class WorkerCount {

    /** The most workers {@code auto} starts. */
    static final int MOST_AUTO_WORKERS = 8;

    private WorkerCount() {
    }

    /**
     * @param value {@code auto} or a count of at least 1
     * @param onGpu whether the model runs on a GPU
     * @throws IllegalArgumentException when {@code value} is neither
     */
    static int parse(String value, boolean onGpu) {
        if (value.equalsIgnoreCase("auto")) {
            return auto(Runtime.getRuntime().availableProcessors(), onGpu, IntraOpThreads.fixedByUser());
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number of workers or auto, got '" + value + "'");
        }
        if (n < 1) {
            throw new IllegalArgumentException("expected at least 1 worker, got " + n);
        }
        return n;
    }

    /**
     * {@code auto} on a machine with {@code cores} cores; {@code intraOpThreads} is the libtorch thread count the
     * user fixed ({@value IntraOpThreads#PROPERTY}), 0 when none: then each worker keeps that many threads and
     * the workers fill the cores with them.
     */
    static int auto(int cores, boolean onGpu, int intraOpThreads) {
        if (onGpu) {
            return 1;
        }
        int perWorker = Math.max(1, intraOpThreads);
        return Math.max(1, Math.min(cores / perWorker, MOST_AUTO_WORKERS));
    }
}
