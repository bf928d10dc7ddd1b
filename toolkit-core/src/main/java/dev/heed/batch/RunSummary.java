package dev.heed.batch;

/**
 * How a batch run ended. Immutable.
 *
 * @param read records read in this run (valid or not), not counting lines skipped by {@code --resume}
 * @param written output lines written in this run
 * @param failed records sent to the errors file in this run
 * @param truncated records written in this run whose input or answer was cut to fit the model
 * @param resumedAfterLine the input line a resumed run continued after; 0 for a fresh run
 * @param totalWritten output lines in the output after the run, earlier runs included
 * @param totalFailed error records in the errors file after the run, earlier runs included
 * @param seconds wall-clock time of this run
 * @param renamedFields names of input fields that a prediction field also had, in this run: the input's
 *     value was kept and the prediction written under {@link OutputLines#PREFIX} + the name
 */
public record RunSummary(long read, long written, long failed, long truncated, long resumedAfterLine,
        long totalWritten, long totalFailed, double seconds, java.util.Set<String> renamedFields) {

    public RunSummary {
        renamedFields = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(renamedFields));
    }

    /** Whether every record read, in this run and the runs it resumed, was written. */
    public boolean allWritten() {
        return totalFailed == 0;
    }

    /** One line for people: counts, rate and time. */
    public String describe() {
        String rate = seconds > 0 ? String.format(" (%,.0f records/s)", read / seconds) : "";
        String resumed = resumedAfterLine > 0 ? String.format(", resumed after line %,d", resumedAfterLine) : "";
        return String.format("read %,d, written %,d, failed %,d, truncated %,d in %.1f s%s%s", read, written, failed,
                truncated, seconds, rate, resumed);
    }
}
