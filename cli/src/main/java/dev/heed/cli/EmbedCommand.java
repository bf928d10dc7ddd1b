package dev.heed.cli;


import dev.heed.tasks.records.EmbedPredictor;
import dev.heed.engine.DeviceChoice;
import dev.heed.engine.DeviceSelection;
import dev.heed.tasks.embedding.EmbeddingOptions;
import dev.heed.tasks.embedding.LongInputPolicy;
import dev.heed.tasks.embedding.SentenceEmbedder;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code heed embed}: sentence vectors as JSON lines. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Sentence embeddings: {\"id\",\"vector\"} per record, L2-normalized, from any model whose"
                + " encoder has a pooled output; --attention-out exports the encoder's self-attention.",
                "Named models: all-minilm-l6-v2 (default, mean pooling), bge-small-en-v1.5 (CLS pooling)."})
final class EmbedCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "all-minilm-l6-v2", paramLabel = "NAME|DIR",
            description = "A named model or a model directory (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--pooling", paramLabel = "mean|cls", description = "Override the model's pooling.")
    String pooling;

    @Option(names = "--long-input", defaultValue = "truncate", paramLabel = "truncate|reject",
            description = "Texts longer than the model takes (512 tokens for BERT models): truncate (default;"
                    + " the output says how many tokens were cut, and the run counts them) or reject (an error record).")
    String longInput;

    @Mixin
    BatchIoOptions io;

    @Mixin
    AttentionExportOptions export;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EmbeddingOptions options = new EmbeddingOptions(DeviceSelection.resolve(DeviceChoice.parse(io.device)).device(),
                Optional.ofNullable(pooling), LongInputPolicy.parse(longInput));
        try (SentenceEmbedder embedder = SentenceEmbedder.load(model, options)) {
            PhaseTimings.mark("model");
            return BatchCommandSupport.runExporting(io, export, spec, embedder.exportsAttention(),
                    embedder.modelName(),
                    "their lines say how many tokens were left out (\"truncated_tokens\"); --long-input reject"
                            + " refuses such inputs", exporting -> new EmbedPredictor(embedder, exporting));
        }
    }
}
