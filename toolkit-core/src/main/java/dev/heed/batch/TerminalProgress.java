package dev.heed.batch;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error over input bytes, with the record count and rate beside it. The bytes' own
 * speed is left out: with it the line no longer fit 80 columns, the bar shrank to {@code [=]} and the text was
 * cut ("0 fa"). Not thread-safe; closed by its runner.
 */
final class TerminalProgress implements ProgressReporter {

    private final ProgressBar bar;
    private final long start = System.nanoTime();

    TerminalProgress(long totalBytes) {
        this.bar = new ProgressBarBuilder()
                .setTaskName("heed")
                .setInitialMax(totalBytes > 0 ? totalBytes : -1)
                .setUnit(totalBytes > 100L << 20 ? " MiB" : " KiB", totalBytes > 100L << 20 ? 1 << 20 : 1024)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
    }

    @Override
    public void update(long records, long failed, long bytesRead) {
        double seconds = (System.nanoTime() - start) / 1e9;
        bar.stepTo(bytesRead);
        bar.setExtraMessage(extra(records, failed, seconds));
    }

    /**
     * What stands after the bar: a space (the library writes it straight after its own text), the records, the
     * failed ones when there are any, and the records per second.
     */
    static String extra(long records, long failed, double seconds) {
        return String.format(" %,d records%s, %,.0f/s", records, failed > 0 ? String.format(", %,d failed", failed)
                : "", records / Math.max(seconds, 1e-9));
    }

    @Override
    public void close() {
        bar.close();
    }
}
