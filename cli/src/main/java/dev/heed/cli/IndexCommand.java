package dev.heed.cli;

import dev.heed.batch.ProgressReporter;
import dev.heed.batch.OutputLines;
import dev.heed.engine.DeviceChoice;
import dev.heed.engine.DeviceSelection;
import dev.heed.io.JsonLinesWriter;
import dev.heed.lucene.DenseModel;
import dev.heed.lucene.HeedIndexer;
import dev.heed.lucene.VectorQuantization;
import dev.heed.lucene.beir.BeirCorpusIndexer;
import dev.heed.tasks.embedding.EmbeddingOptions;
import dev.heed.tasks.embedding.LongInputPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code heed index}: a BEIR corpus into a Lucene index with BM25 fields and dense vectors. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Index a BEIR corpus (corpus.jsonl[.gz]: {\"_id\",\"title\",\"text\"} per line) for heed search:"
                + " BM25 over the fields (Heed's CoreNLP analyzer by default) and each document's unit vector from an"
                + " embedding model in an HNSW graph. The index is built beside --index and swapped in when complete,"
                + " so it is never half-written. A document past the model's 512 tokens is embedded by its first 512"
                + " (counted in the summary; all its words are in BM25). Bad lines (malformed, no _id, no text,"
                + " a repeated id) go to the errors file with their line numbers."},
        footer = {"", ExitCodes.HELP})
final class IndexCommand implements Callable<Integer> {

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "The corpus (JSON lines, gzip or not).")
    Path input;

    @Option(names = "--from-index", paramLabel = "DIR", description = "Instead of --input: copy this Heed index with"
            + " its vectors kept as --quantization says, embedding nothing again.")
    Path fromIndex;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index folder to write (replaced"
            + " when it holds an index).")
    Path index;

    @Option(names = "--model", defaultValue = "bge-small-en-v1.5", paramLabel = "NAME|DIR|none",
            description = "The embedding model (default: ${DEFAULT-VALUE}; also all-minilm-l6-v2); none: BM25 only.")
    String model;

    @Option(names = "--fields", defaultValue = "title,text", paramLabel = "F,F", split = ",",
            description = "The text fields, joined by a space for BM25 and the vector (default: title,text).")
    String[] fields;

    @Option(names = "--analyzer", defaultValue = "heed", paramLabel = "heed|heed-plain|english",
            description = "BM25's analyzer: heed (CoreNLP words, lower case, English stop words, Porter stemming;"
                    + " default), heed-plain (no stop words or stemming), english (Lucene's EnglishAnalyzer).")
    String analyzer;

    @Option(names = "--quantization", defaultValue = "none", paramLabel = "none|int8",
            description = "Keep vectors in the HNSW graph as floats (default) or 8-bit scalars.")
    String quantization;

    @Option(names = "--batch-size", defaultValue = "16", paramLabel = "N", description = "Documents embedded at once"
            + " (default 16).")
    int batchSize;

    @Option(names = "--errors", paramLabel = "FILE", description = "Where bad lines go, one JSON line each"
            + " {\"line\",\"id\",\"id_from\",\"kind\",\"reason\"} (default: DIR.errors.jsonl beside the index).")
    Path errors;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "cpu|gpu|auto", description = "Where the model runs.")
    String device;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary.")
    boolean quiet;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((input == null) == (fromIndex == null)) {
            throw new IllegalArgumentException("give --input CORPUS (a BEIR corpus to index) or --from-index DIR"
                    + " (an index to copy with other --quantization), one of them");
        }
        if (fromIndex != null) {
            long start = System.nanoTime();
            var model = dev.heed.lucene.beir.IndexFolder.buildAndSwap(index, folder ->
                    dev.heed.lucene.IndexRequantizer.requantize(fromIndex, folder, VectorQuantization.parse(quantization)));
            if (!quiet) {
                spec.commandLine().getErr().printf("heed: copied %s into %s with %s vectors of %s in %.1f s%n", fromIndex,
                        index, model.quantization(), model.model(), (System.nanoTime() - start) / 1e9);
                spec.commandLine().getErr().flush();
            }
            return ExitCodes.OK;
        }
        if (!Files.isRegularFile(input)) {
            throw new java.nio.file.NoSuchFileException(input.toString());
        }
        HeedIndexer.Options options = new HeedIndexer.Options(Arrays.stream(fields).map(String::strip).toList(),
                HeedIndexer.VECTOR, VectorQuantization.parse(quantization), batchSize);
        Path errorsFile = errors != null ? errors
                : index.toAbsolutePath().normalize().resolveSibling(index.getFileName() + ".errors.jsonl");
        Optional<DenseModel> dense = model.equalsIgnoreCase("none") ? Optional.empty()
                : Optional.of(DenseModel.load(model, new EmbeddingOptions(
                        DeviceSelection.resolve(DeviceChoice.parse(device)).device(), Optional.empty(),
                        LongInputPolicy.TRUNCATE)));
        PrintWriter err = spec.commandLine().getErr();
        BeirCorpusIndexer.Summary summary;
        try (OutputStream out = Files.newOutputStream(errorsFile);
                JsonLinesWriter errorLines = new JsonLinesWriter(out, 0, 0, false, errorsFile.toString());
                ProgressReporter progress = ProgressReporter.forStderr(quiet, Files.size(input))) {
            summary = BeirCorpusIndexer.index(input, index, dense, analyzer, options, e -> {
                try {
                    errorLines.write(OutputLines.error(e));
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            }, progress);
        } finally {
            dense.ifPresent(DenseModel::close);
        }
        if (!quiet) {
            err.printf("heed: read %,d, indexed %,d, failed %,d, truncated %,d in %.1f s (%.1f documents/s) into %s%n",
                    summary.read(), summary.indexed(), summary.failed(), summary.truncated(), summary.seconds(),
                    summary.rate(), index);
            if (summary.failed() > 0) {
                err.println("heed: the failed lines are in " + errorsFile);
            }
            if (summary.truncated() > 0) {
                err.println("heed: " + summary.truncated() + " documents were embedded by their first 512 tokens"
                        + " (BM25 has all their words)");
            }
            err.flush();
        }
        return summary.failed() > 0 ? ExitCodes.RECORDS_FAILED : ExitCodes.OK;
    }
}
