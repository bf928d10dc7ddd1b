package dev.heed.cli;

import dev.heed.tasks.records.SummarizePredictor;
import dev.heed.engine.DeviceChoice;
import dev.heed.engine.DeviceSelection;
import dev.heed.tasks.embedding.LongInputPolicy;
import dev.heed.tasks.seq2seq.DecodeOptions;
import dev.heed.tasks.summarization.SummarizationModel;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code heed summarize}: a summary per record, optionally its n-best list, cross-attention and copy shares. */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = {"Summarize each record: {\"id\",\"summary\",\"score\"} (+ \"nbest\" with --n-best > 1, and for"
                + " a model that copies \"copy\": per summary token the share copied from the document, 1 - p_gen)."
                + " A document longer than the model reads (aeslc reads the first 64 WordPiece tokens, aeslc-pointer-generator the first 128 subwords; heed models info shows a model's maxSourceTokens) keeps"
                + " its first subwords under --long-input truncate and says how many were cut"
                + " (\"truncated_tokens\"); --long-input reject makes it an error record (too_long). A text with no"
                + " words is an error record (no_tokens). With --attention-out, the cross-attention (document"
                + " subwords against summary subwords) in the chosen formats."})
final class SummarizeCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "aeslc", paramLabel = "NAME|DIR",
            description = "A named model or a directory written by heed train summarization (default:"
                    + " ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--max-length", defaultValue = "30", description = "The most summary subwords (default:"
            + " ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--min-length", defaultValue = "0", description = "The fewest summary subwords (default:"
            + " ${DEFAULT-VALUE}).")
    int minLength;

    @Option(names = "--n-best", defaultValue = "1", paramLabel = "N", description = "Hypotheses per record, at most"
            + " --beam (default: ${DEFAULT-VALUE}).")
    int nBest;

    @Option(names = "--long-input", defaultValue = "truncate", paramLabel = "truncate|reject",
            description = "A document longer than the model reads: keep its first subwords and count the cut"
                    + " (truncate), or make it an error record (reject). Default: ${DEFAULT-VALUE}.")
    String longInput;

    @Mixin
    SearchOptions search;

    @Mixin
    BatchIoOptions io;

    @Mixin
    AttentionExportOptions export;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DecodeOptions options = search.decodeOptions(spec, maxLength, minLength, nBest, SearchOptions.SUMMARIZATION);
        LongInputPolicy policy;
        try {
            policy = LongInputPolicy.parse(longInput);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--long-input: " + e.getMessage());
        }
        try (SummarizationModel loaded = SummarizationModel.load(model,
                DeviceSelection.resolve(DeviceChoice.parse(io.device)).device())) {
            PhaseTimings.mark("model");
            return BatchCommandSupport.runExporting(io, export, spec, true, loaded.name(),
                    "their documents were longer than the model reads and were cut (\"truncated_tokens\"), or their"
                            + " summaries stopped at --max-length before ending (\"truncated\": true)",
                    exporting -> new SummarizePredictor(loaded, options.withAttention(exporting), policy));
        }
    }
}
