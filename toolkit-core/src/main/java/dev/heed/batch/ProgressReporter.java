package dev.heed.batch;

/**
 * Shows how a run advances. {@link #forStderr} picks a progress bar for a terminal, periodic plain lines
 * otherwise, or nothing when quiet. Called from the runner's thread only.
 */
public interface ProgressReporter extends AutoCloseable {

    /**
     * @param records records read so far in this run
     * @param failed of which failed
     * @param bytesRead input bytes consumed
     */
    void update(long records, long failed, long bytesRead);

    @Override
    void close();

    /** Reports nothing. */
    static ProgressReporter silent() {
        return new ProgressReporter() {
            @Override
            public void update(long records, long failed, long bytesRead) {
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * The reporter for standard error: nothing when {@code quiet}; a bar with rate and ETA when standard
     * error is a terminal ({@code totalBytes} known gives the ETA); else a plain line every 10 seconds.
     */
    static ProgressReporter forStderr(boolean quiet, long totalBytes) {
        if (quiet) {
            return silent();
        }
        return Terminals.stderrIsTerminal() ? new TerminalProgress(totalBytes)
                : new PlainProgress(System.err, 10_000);
    }
}
