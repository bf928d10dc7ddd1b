package dev.heed.cli;

import dev.heed.batch.BatchOptions;
import dev.heed.io.ReaderOptions;
import dev.heed.io.RecordFormat;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The input, output and batching options every batch command shares. */
final class BatchIoOptions {

    @Option(names = {"-i", "--input"}, defaultValue = "-", paramLabel = "FILE|-",
            description = "Input file, gzip or not; - for standard input (default).")
    String input;

    @Option(names = {"-o", "--output"}, defaultValue = "-", paramLabel = "FILE|-",
            description = "Output JSON lines file; - for standard output (default). Each line keeps every field of its"
                    + " input record unchanged; a result whose name the record already has (a gold \"label\") is"
                    + " written as predicted_NAME.")
    String output;

    @Option(names = "--format", paramLabel = "text|tsv|jsonl",
            description = "Input format; guessed from the input's extension, text for standard input.")
    String format;

    @Option(names = "--text-field", defaultValue = "text", paramLabel = "NAME",
            description = "The JSON field or TSV column that holds the text (default: ${DEFAULT-VALUE}).")
    String textField;

    @Option(names = "--id-field", paramLabel = "NAME",
            description = "The field or column that holds the id (default: \"id\" when present, else the line number).")
    String idField;

    @Option(names = "--errors", paramLabel = "FILE",
            description = "Where bad records go, as JSON lines with line number and reason. Default:"
                    + " OUTPUT.errors.jsonl beside a file output, standard error otherwise.")
    Path errors;

    @Option(names = "--batch-size", defaultValue = "32", paramLabel = "N",
            description = "Records per batch (default: ${DEFAULT-VALUE}); with several workers, input too short to"
                    + " give each of them 4 batches is shared out in smaller ones.")
    int batchSize;

    @Option(names = "--threads", defaultValue = "auto", paramLabel = "N|auto",
            description = "Worker threads, each with its own predictor, sharing libtorch's intra-op threads (default:"
                    + " ${DEFAULT-VALUE}: one per core, at most " + WorkerCount.MOST_AUTO_WORKERS + ", on the CPU; one"
                    + " on a GPU).")
    String threads;

    @Option(names = "--max-line-bytes", defaultValue = "524288", paramLabel = "N",
            description = "Longer input lines are error records (default: ${DEFAULT-VALUE}).")
    int maxLineBytes;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "cpu|gpu|auto",
            description = "Where models run (default: ${DEFAULT-VALUE}: a GPU when libtorch sees one, else the CPU).")
    String device;

    @Option(names = "--resume",
            description = "Continue an interrupted run of the same command into the same --output FILE.")
    boolean resume;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary on standard error.")
    boolean quiet;

    boolean inputIsStdin() {
        return input.equals("-");
    }

    boolean outputIsStdout() {
        return output.equals("-");
    }

    ReaderOptions readerOptions() {
        RecordFormat f = format != null ? RecordFormat.parse(format)
                : inputIsStdin() ? RecordFormat.TEXT : RecordFormat.guess(Path.of(input).getFileName().toString());
        return new ReaderOptions(f, textField, Optional.ofNullable(idField), maxLineBytes);
    }

    /**
     * The worker count {@code --threads} asks for, {@code auto} resolved for this machine ({@link WorkerCount}).
     * With {@code runsModel}, {@code --device auto} asks libtorch whether it sees a GPU (so call it once the model
     * is loaded); without, the work is on the CPU.
     *
     * @throws picocli.CommandLine.ParameterException when {@code --threads} is neither a positive count nor auto
     */
    int workers(picocli.CommandLine.Model.CommandSpec spec, boolean runsModel) {
        try {
            return WorkerCount.parse(threads, runsModel && usesGpu());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads: " + e.getMessage());
        }
    }

    private boolean usesGpu() {
        return switch (device) {
            case "cpu" -> false;
            case "gpu" -> true;
            default -> ai.djl.engine.Engine.getEngine("PyTorch").getGpuCount() > 0;
        };
    }

    BatchOptions batchOptions(int workers) {
        return new BatchOptions(batchSize, workers, 16, resume);
    }

    /** The default errors file beside a file output: {@code out.jsonl} gives {@code out.errors.jsonl}. */
    static Path defaultErrorsFor(Path output) {
        String name = output.getFileName().toString();
        String stem = name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
        return output.resolveSibling(stem + ".errors.jsonl");
    }
}
