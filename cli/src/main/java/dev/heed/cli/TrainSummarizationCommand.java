package dev.heed.cli;

import dev.heed.tasks.seq2seq.Seq2SeqTrainingOptions;
import dev.heed.tasks.summarization.SummarizationData;
import dev.heed.tasks.summarization.SummarizationMetrics;
import dev.heed.tasks.summarization.SummarizationModelWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code heed train summarization}: a pointer-generator (or a plain encoder-decoder) from scratch, or a Transformer
 * decoder with copy over a pretrained BERT encoder ({@code --encoder-init}).
 */
@Command(name = "summarization", mixinStandardHelpOptions = true,
        description = {"Train a summarization model from scratch: an encoder with per-token states (bigru,"
                + " transformer) feeding a GRU decoder with additive attention and, by default, a copy mechanism with"
                + " coverage (pointer-generator, See et al. 2017), or a Transformer decoder (--decoder transformer"
                + " --attention multi-head) that copies by its last layer's cross-attention; a joint byte-level BPE; documents cut to their"
                + " first --max-source-tokens subwords (counted); early stopping on dev ROUGE-1 (rouge-score F1 with"
                + " stemming, greedy search), checkpoint averaging. Writes a model directory with its card.",
                "Or over a pretrained encoder (--encoder-init all-minilm-l6-v2 or bge-small-en-v1.5, Rothe et al."
                        + " 2020): its weights (fine-tuned, or fixed with --freeze-encoder) under a Transformer"
                        + " decoder trained from scratch that copies, both sides in the encoder's WordPiece"
                        + " vocabulary, the decoder's embeddings and tied output layer started from the encoder's;"
                        + " the source reads [CLS] pieces [SEP]. --init, by contrast, continues a summarization"
                        + " model.",
                "Data: JSON lines {\"text\",\"summary\"[,\"references\"]} (or .gz), e.g."
                        + " ../shared/data/aeslc/train.jsonl.gz."})
final class TrainSummarizationCommand implements Callable<Integer> {

    @Option(names = "--train", required = true, paramLabel = "FILE", description = "Training data (JSON lines).")
    Path train;

    @Option(names = "--dev", required = true, paramLabel = "FILE",
            description = "Dev data (JSON lines), for early stopping.")
    Path dev;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The model directory to write.")
    Path out;

    @Option(names = "--copy", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Copy mechanism (pointer-generator): p_gen mixes the vocabulary distribution with the"
                    + " attention on the source tokens (default: ${DEFAULT-VALUE}; --no-copy for a plain decoder).")
    boolean copy;

    @Option(names = "--coverage", negatable = true, fallbackValue = "true",
            description = "Coverage vector in the attention and the coverage loss (default: on for the gru decoder,"
                    + " which has it; the transformer decoder has none; --no-coverage to leave it out).")
    Boolean coverage;

    @Option(names = "--coverage-loss", defaultValue = "1.0", paramLabel = "LAMBDA",
            description = "Weight of the coverage loss (default: ${DEFAULT-VALUE}, as See et al. 2017).")
    float coverageLoss;

    @Option(names = "--coverage-from-epoch", defaultValue = "1", paramLabel = "N",
            description = "Apply the coverage loss from epoch N on (the paper switches it on for the last part of"
                    + " training; default: ${DEFAULT-VALUE}, from the start).")
    int coverageFromEpoch;

    @Option(names = "--max-source-tokens", defaultValue = "400", paramLabel = "N",
            description = "Keep the first N subwords of each document; longer ones are cut and counted (default:"
                    + " ${DEFAULT-VALUE}).")
    int maxSourceTokens;

    @Option(names = "--encoder-init", paramLabel = "MODEL", description = "Start the encoder from this pretrained"
            + " BERT-family model (a name such as all-minilm-l6-v2 or bge-small-en-v1.5, or a directory): its"
            + " architecture, weights and WordPiece tokenizer (the vocabulary of both sides); the decoder is a"
            + " Transformer trained from scratch (3 layers of the encoder's size; --set-decoder to change), with copy."
            + " With --init, continues that summarization model (trained on this encoder) instead of starting it:"
            + " for instance to fine-tune, with --encoder-lr, an encoder that was frozen so far.")
    String encoderInit;

    @Option(names = "--freeze-encoder", description = "With --encoder-init: keep the pretrained encoder fixed and"
            + " train the decoder only (cheaper per update); the model then names the pretrained weights (and their"
            + " SHA-256) instead of copying them, and loading it needs that pretrained model.")
    boolean freezeEncoder;

    @Option(names = "--freeze-decoder-embeddings", description = "With --encoder-init: keep the decoder's embedding"
            + " table (and its tied output layer) fixed at the encoder's word embeddings, as if shared with a frozen"
            + " encoder (Rothe et al. 2020); takes Adam and the dense gradient over the whole vocabulary out of each"
            + " update. The encoder's own word embeddings then stay fixed too, even when it is fine-tuned (they stay"
            + " one table); the model names that table by reference instead of copying it.")
    boolean freezeDecoderEmbeddings;

    @Option(names = "--encoder-lr", defaultValue = "0", paramLabel = "RATE", description = "With --encoder-init:"
            + " the encoder's own peak learning rate (its own Adam, same schedule); 0 = --lr (default).")
    float encoderLearningRate;

    @CommandLine.Mixin
    Seq2SeqTrainingFlags flags = new Seq2SeqTrainingFlags();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (maxSourceTokens < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-source-tokens must be >= 2, got "
                    + maxSourceTokens);
        }
        if (encoderInit != null) {
            var parsed = spec.commandLine().getParseResult();
            if (!parsed.hasMatchedOption("--decoder")) {
                flags.decoder = "transformer";
            }
            if (!parsed.hasMatchedOption("--attention")) {
                flags.attention = "multi-head";
            }
        }
        if (copy) {
            flags.decoderSettings.putIfAbsent("copy", "true");
        }
        boolean withCoverage = coverage != null ? coverage : flags.decoder.equals("gru");
        if (withCoverage) {
            flags.decoderSettings.putIfAbsent("coverage", "true");
        }
        Seq2SeqTrainingOptions options;
        try {
            options = flags.options(maxSourceTokens, withCoverage ? coverageLoss : 0f, coverageFromEpoch, encoderInit,
                    freezeEncoder, encoderLearningRate, freezeDecoderEmbeddings);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        SummarizationData read = SummarizationData.read(train);
        SummarizationData trainData = flags.limit > 0 ? read.first(flags.limit) : read;
        SummarizationData devData = SummarizationData.read(dev);
        PrintWriter err = spec.commandLine().getErr();
        String command = "heed " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        String modelName = flags.name != null ? flags.name : out.toAbsolutePath().getFileName().toString();
        return Seq2SeqTrainingRun.run(options, SummarizationMetrics.devMetric(), trainData.pairs(), devData.pairs(), out,
                err, result -> SummarizationModelWriter.write(result, options, modelName, command, train, out,
                        flags.weightsType));
    }
}
