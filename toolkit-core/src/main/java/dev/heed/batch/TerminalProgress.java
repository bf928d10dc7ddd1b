package dev.heed.batch;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on standard error over input bytes, with the record count and rate beside it. */
final class TerminalProgress implements ProgressReporter {

    private final ProgressBar bar;
    private final long start = System.nanoTime();

    TerminalProgress(long totalBytes) {
        this.bar = new ProgressBarBuilder()
                .setTaskName("heed")
                .setInitialMax(totalBytes > 0 ? totalBytes : -1)
                .setUnit(" KiB", 1024)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .showSpeed()
                .build();
    }

    @Override
    public void update(long records, long failed, long bytesRead) {
        double seconds = (System.nanoTime() - start) / 1e9;
        bar.stepTo(bytesRead);
        bar.setExtraMessage(String.format("%,d records, %,d failed, %,.0f/s", records, failed,
                records / Math.max(seconds, 1e-9)));
    }

    @Override
    public void close() {
        bar.close();
    }
}
