package dev.heed.batch;

import java.io.PrintStream;

/** Progress as a plain line every few seconds, for logs and pipes. Not thread-safe. */
final class PlainProgress implements ProgressReporter {

    private final PrintStream out;
    private final long intervalMillis;
    private final long start = System.nanoTime();
    private long lastPrint = System.nanoTime();

    PlainProgress(PrintStream out, long intervalMillis) {
        this.out = out;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void update(long records, long failed, long bytesRead) {
        long now = System.nanoTime();
        if ((now - lastPrint) / 1_000_000 >= intervalMillis) {
            lastPrint = now;
            double seconds = (now - start) / 1e9;
            out.printf("heed: %,d records (%,d failed), %,.0f records/s, %.0f s%n", records, failed,
                    records / Math.max(seconds, 1e-9), seconds);
        }
    }

    @Override
    public void close() {
    }
}
