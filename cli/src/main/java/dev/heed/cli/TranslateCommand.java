package dev.heed.cli;

import dev.heed.tasks.records.TranslatePredictor;
import dev.heed.tasks.seq2seq.DecodeOptions;

import dev.heed.engine.DeviceChoice;
import dev.heed.engine.DeviceSelection;
import dev.heed.tasks.translation.TranslationModel;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code heed translate}: a translation per record, optionally its n-best list and cross-attention. */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = {"Translate each record: {\"id\",\"translation\",\"score\"} (+ \"nbest\" with --n-best > 1);"
                + " with --attention-out, the cross-attention of every layer and head (source subwords against target"
                + " subwords) in the chosen formats. A record of several sentences is split with CoreNLP, translated"
                + " sentence by sentence and joined; a sentence longer than the model takes is an error record"
                + " (too_long), a text with no words one too (no_tokens). A translation that stops at the length limit"
                + " before it ends says \"truncated\": true, and the run's summary counts it."})
final class TranslateCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "multi30k-en-de", paramLabel = "NAME|DIR",
            description = "A named model or a directory written by heed train translation (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--max-length", defaultValue = "200", description = "The most target subwords; each sentence also"
            + " stops at twice its source length plus 10 (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--min-length", defaultValue = "0", description = "The fewest target subwords.")
    int minLength;

    @Option(names = "--n-best", defaultValue = "1", paramLabel = "N", description = "Hypotheses per record, at most"
            + " --beam (default: ${DEFAULT-VALUE}).")
    int nBest;

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
        DecodeOptions options = search.decodeOptions(spec, maxLength, minLength, nBest);
        try (TranslationModel loaded = TranslationModel.load(model,
                DeviceSelection.resolve(DeviceChoice.parse(io.device)).device())) {
            PhaseTimings.mark("model");
            return BatchCommandSupport.runExporting(io, export, spec, loaded.exportsAttention(), loaded.name(),
                    "their translations stopped at the length limit (--max-length, or twice the source"
                            + " length plus 10) before ending (\"truncated\": true)",
                    exporting -> new TranslatePredictor(loaded, options.withAttention(exporting)));
        }
    }
}
