package dev.heed.cli;

import dev.heed.batch.BatchRunner;
import dev.heed.batch.Destination;
import dev.heed.batch.OutputLines;
import dev.heed.batch.PredictorFactory;
import dev.heed.batch.ProgressReporter;
import dev.heed.batch.RunSummary;
import dev.heed.engine.IntraOpThreads;
import dev.heed.io.RecordReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Runs a predictor over a command's input with the shared I/O options and reports the summary. */
final class BatchCommandSupport {

    private BatchCommandSupport() {
    }

    /**
     * Reads the input, runs {@code factory}'s predictors, writes output and errors, prints the summary
     * (unless quiet) and returns the exit code: {@link ExitCodes#OK} when nothing failed, else
     * {@link ExitCodes#RECORDS_FAILED}.
     */
    static int run(BatchIoOptions io, picocli.CommandLine.Model.CommandSpec spec, PredictorFactory factory,
            PrintWriter err) throws IOException, InterruptedException {
        return run(io, io.workers(spec, false), factory, err, java.util.Optional.empty(), "");
    }

    /**
     * As {@link #run(BatchIoOptions, PredictorFactory, PrintWriter)} for predictors that run a model, with the
     * attention export {@code export} asks for: its writer is opened (and the request checked), each predictor
     * is made knowing whether to export, the alignments are written in input order, and the writer is closed.
     * With more than one worker ({@code --threads}, by default one per core) libtorch's intra-op threads are
     * shared among them for the run ({@link IntraOpThreads}). {@code truncationNote} tells people, after the summary, how the output marks
     * the records that were cut to fit the model.
     */
    static int runExporting(BatchIoOptions io, AttentionExportOptions export,
            picocli.CommandLine.Model.CommandSpec spec, boolean modelHasAttention, String modelName,
            String truncationNote, java.util.function.Function<Boolean, dev.heed.batch.Predictor> predictors)
            throws IOException, InterruptedException {
        java.util.Optional<dev.heed.alignment.AlignmentWriter> writer = export.open(spec, io.resume, modelHasAttention,
                modelName);
        int workers = io.workers(spec, true);
        IntraOpThreads shared = IntraOpThreads.shareAmong(workers);
        try {
            return run(io, workers, () -> predictors.apply(writer.isPresent()), spec.commandLine().getErr(), writer,
                    truncationNote);
        } finally {
            shared.close();
            if (writer.isPresent()) {
                writer.get().close();
            }
        }
    }

    private static int run(BatchIoOptions io, int workers, PredictorFactory factory, PrintWriter err,
            java.util.Optional<dev.heed.alignment.AlignmentWriter> alignments, String truncationNote)
            throws IOException, InterruptedException {
        long totalBytes = io.inputIsStdin() ? -1 : Files.size(existing(Path.of(io.input)));
        InputStream in = io.inputIsStdin() ? System.in : Files.newInputStream(Path.of(io.input));
        OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
        Destination output = io.outputIsStdout() ? Destination.stream(stdout, "standard output")
                : Destination.file(Path.of(io.output));
        Destination errors = io.errors != null ? Destination.file(io.errors)
                : io.outputIsStdout() ? Destination.stream(System.err, "standard error")
                : Destination.file(BatchIoOptions.defaultErrorsFor(Path.of(io.output)));
        RunSummary summary;
        try (RecordReader reader = RecordReader.open(in, io.inputIsStdin() ? "standard input" : io.input,
                io.readerOptions());
                ProgressReporter progress = ProgressReporter.forStderr(io.quiet, totalBytes)) {
            summary = new BatchRunner(io.batchOptions(workers)).run(reader, io.input, output, errors, factory, progress,
                    alignments);
        } finally {
            stdout.flush();
        }
        if (!io.quiet) {
            err.println("heed: " + summary.describe()
                    + (summary.failed() > 0 ? "; errors in " + errors.describe() : ""));
            if (summary.truncated() > 0) {
                err.printf("heed: %,d records were cut to fit the model: %s%n", summary.truncated(), truncationNote);
            }
            if (!summary.renamedFields().isEmpty()) {
                String renamed = String.join(", ", summary.renamedFields());
                err.println("heed: the input's own " + renamed + " kept as they were; the predictions are in "
                        + OutputLines.PREFIX + String.join(", " + OutputLines.PREFIX, summary.renamedFields()));
            }
            err.flush();
        }
        return summary.allWritten() ? ExitCodes.OK : ExitCodes.RECORDS_FAILED;
    }

    private static Path existing(Path input) throws NoSuchFileException {
        if (!Files.isRegularFile(input)) {
            throw new NoSuchFileException(input.toString(), null, "no such input file");
        }
        return input;
    }
}
