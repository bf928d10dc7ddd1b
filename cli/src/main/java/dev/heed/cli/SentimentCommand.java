package dev.heed.cli;

import dev.heed.tasks.records.SentimentPredictor;
import dev.heed.engine.DeviceChoice;
import dev.heed.engine.DeviceSelection;
import dev.heed.tasks.sentiment.SentimentModel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code heed sentiment}: labels, scores and probabilities per record, optionally the attention that decided. */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = {"Sentiment per record: {\"id\",\"label\",\"score\",\"probs\"}; with --attention, the tokens"
                + " (text, start, end) and the pooling attention weight of each (models whose encoder pools by"
                + " attention: textcnn or bigru with attentionPooling); with --attention-out, the attention that"
                + " decided (pooling, or every layer's self-attention for bert) in the chosen formats.",
                "Texts longer than the model takes (its maxLength tokens) are truncated: the line says"
                        + " \"truncated_tokens\" and the run's summary counts them. A text with no words is an error"
                        + " record (no_tokens)."})
final class SentimentCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "sst2", paramLabel = "NAME|DIR",
            description = "A named model or a model directory written by heed train sentiment (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--attention", description = "Add the attention that decided to each output line.")
    boolean attention;

    @Mixin
    BatchIoOptions io;

    @Mixin
    AttentionExportOptions export;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (SentimentModel loaded = SentimentModel.load(model,
                DeviceSelection.resolve(DeviceChoice.parse(io.device)).device())) {
            PhaseTimings.mark("model");
            if (attention && !loaded.poolsByAttention()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--attention adds the pooling"
                        + " attention, and the " + loaded.encoderName() + " encoder of " + loaded.name()
                        + " does not pool by attention" + (loaded.exportsAttention()
                        ? ": --attention-out DIR exports its self-attention instead"
                        : " (textcnn or bigru trained with --set attentionPooling=true do)"));
            }
            return BatchCommandSupport.runExporting(io, export, spec, loaded.exportsAttention(), loaded.name(),
                    "their lines say how many tokens were left out (\"truncated_tokens\")",
                    exporting -> new SentimentPredictor(loaded, attention, exporting));
        }
    }
}
