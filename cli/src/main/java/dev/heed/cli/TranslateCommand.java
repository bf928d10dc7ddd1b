package dev.heed.cli;

import dev.heed.engine.DeviceChoice;
import dev.heed.engine.DeviceSelection;
import dev.heed.tasks.translation.DecodeOptions;
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

    @Option(names = "--beam", defaultValue = "5", description = "Beam size; 1 = greedy (default: ${DEFAULT-VALUE}).")
    int beam;

    @Option(names = "--max-length", defaultValue = "200", description = "The most target subwords; each sentence also"
            + " stops at twice its source length plus 10 (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--min-length", defaultValue = "0", description = "The fewest target subwords.")
    int minLength;

    @Option(names = "--length-penalty", defaultValue = "0.6", paramLabel = "ALPHA",
            description = "GNMT length penalty alpha (default: ${DEFAULT-VALUE}).")
    double lengthPenalty;

    @Option(names = "--coverage-penalty", defaultValue = "0", paramLabel = "BETA",
            description = "GNMT coverage penalty beta, from the attention (default: ${DEFAULT-VALUE}).")
    double coveragePenalty;

    @Option(names = "--no-repeat-ngram", defaultValue = "0", paramLabel = "N",
            description = "Never repeat an n-gram of this size (0 = off).")
    int noRepeatNgram;

    @Option(names = "--max-repeat", defaultValue = "3", paramLabel = "N",
            description = "A block of 1 to 4 subwords stands at most N times back to back: the guard against "
                    + "degenerate output such as 'MANAAAINIIINEEEE' (0 = off; default: ${DEFAULT-VALUE}).")
    int maxRepeat;

    @Option(names = "--n-best", defaultValue = "1", paramLabel = "N", description = "Hypotheses per record, at most"
            + " --beam (default: ${DEFAULT-VALUE}).")
    int nBest;

    @Mixin
    BatchIoOptions io;

    @Mixin
    AttentionExportOptions export;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DecodeOptions options = decodeOptions(spec, beam, maxLength, minLength, lengthPenalty, coveragePenalty,
                noRepeatNgram, nBest, maxRepeat);
        try (TranslationModel loaded = TranslationModel.load(model,
                DeviceSelection.resolve(DeviceChoice.parse(io.device)).device())) {
            return BatchCommandSupport.runExporting(io, export, spec, loaded.exportsAttention(), loaded.name(),
                    "their translations stopped at the length limit (--max-length, or twice the source"
                            + " length plus 10) before ending (\"truncated\": true)",
                    exporting -> new TranslatePredictor(loaded, options.withAttention(exporting)));
        }
    }

    /**
     * The decoding options of {@code heed translate} and {@code heed eval translation}, each value checked here so
     * that a wrong one is named by its option, with what is valid.
     */
    static DecodeOptions decodeOptions(CommandLine.Model.CommandSpec spec, int beam, int maxLength, int minLength,
            double lengthPenalty, double coveragePenalty, int noRepeatNgram, int nBest, int maxRepeat) {
        java.util.function.Function<String, CommandLine.ParameterException> usage =
                m -> new CommandLine.ParameterException(spec.commandLine(), m);
        if (beam < 1) {
            throw usage.apply("--beam must be 1 or more (1 = greedy), got " + beam);
        }
        if (nBest < 1 || nBest > beam) {
            throw usage.apply("--n-best must be between 1 and the --beam (" + beam + "), got " + nBest + ": raise --beam to "
                    + "at least " + Math.max(1, nBest) + " or lower --n-best");
        }
        if (minLength < 0 || minLength >= maxLength) {
            throw usage.apply("--min-length must be 0 or more and below --max-length (" + maxLength + "), got " + minLength);
        }
        if (!(lengthPenalty >= 0) || !(coveragePenalty >= 0)) {
            throw usage.apply("--length-penalty and --coverage-penalty must be 0 or more, got " + lengthPenalty + " and "
                    + coveragePenalty);
        }
        if (noRepeatNgram < 0) {
            throw usage.apply("--no-repeat-ngram must be 0 (off) or more, got " + noRepeatNgram);
        }
        if (maxRepeat < 0) {
            throw usage.apply("--max-repeat must be 0 (off) or more, got " + maxRepeat);
        }
        return new DecodeOptions(beam, maxLength, minLength, lengthPenalty, coveragePenalty, noRepeatNgram, nBest,
                false, maxRepeat);
    }
}
