package dev.heed.batch;

import dev.heed.alignment.AlignmentExporters;
import dev.heed.alignment.AlignmentWriter;
import dev.heed.io.ReaderOptions;
import dev.heed.io.RecordFormat;
import dev.heed.io.RecordReader;
import java.nio.file.Path;

/**
 * A real process for the kill-and-resume test: {@code INPUT OUTPUT ERRORS RESUME SLEEP_MS [ATTENTION_DIR]}; with
 * an attention folder each record's alignment is exported there as json, pharaoh, npz and html.
 */
public final class ResumeFixtureMain {

    private ResumeFixtureMain() {
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        BatchOptions options = new BatchOptions(8, 2, 4, Boolean.parseBoolean(args[3]));
        long sleep = Long.parseLong(args[4]);
        boolean resume = options.resume();
        java.util.Optional<AlignmentWriter> alignments = java.util.Optional.empty();
        if (args.length > 5) {
            var formats = AlignmentExporters.parse("json,pharaoh,npz,html", java.util.OptionalDouble.empty());
            alignments = java.util.Optional.of(resume ? AlignmentWriter.forResume(Path.of(args[5]), formats)
                    : new AlignmentWriter(Path.of(args[5]), formats));
        }
        boolean attention = alignments.isPresent();
        try (RecordReader reader = RecordReader.open(input, ReaderOptions.of(RecordFormat.TEXT))) {
            RunSummary summary = new BatchRunner(options).run(reader, input.toString(),
                    Destination.file(Path.of(args[1])), Destination.file(Path.of(args[2])),
                    () -> new UpperCasePredictor(sleep, attention), ProgressReporter.silent(), alignments);
            System.out.println(summary.describe());
        } finally {
            if (alignments.isPresent()) {
                alignments.get().close();
            }
        }
    }
}
