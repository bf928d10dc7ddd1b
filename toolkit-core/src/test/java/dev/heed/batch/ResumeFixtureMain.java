package dev.heed.batch;

import dev.heed.io.ReaderOptions;
import dev.heed.io.RecordFormat;
import dev.heed.io.RecordReader;
import java.nio.file.Path;

/** A real process for the kill-and-resume test: {@code INPUT OUTPUT ERRORS RESUME SLEEP_MS}. */
public final class ResumeFixtureMain {

    private ResumeFixtureMain() {
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        BatchOptions options = new BatchOptions(8, 2, 4, Boolean.parseBoolean(args[3]));
        long sleep = Long.parseLong(args[4]);
        try (RecordReader reader = RecordReader.open(input, ReaderOptions.of(RecordFormat.TEXT))) {
            RunSummary summary = new BatchRunner(options).run(reader, input.toString(),
                    Destination.file(Path.of(args[1])), Destination.file(Path.of(args[2])),
                    () -> new UpperCasePredictor(sleep), ProgressReporter.silent());
            System.out.println(summary.describe());
        }
    }
}
