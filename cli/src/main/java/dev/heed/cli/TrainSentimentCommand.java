package dev.heed.cli;

import dev.heed.model.ModelDirectory;
import dev.heed.tensor.DType;
import dev.heed.tasks.classification.LabelledTexts;
import dev.heed.tasks.sentiment.SentimentModelWriter;
import dev.heed.tasks.sentiment.SentimentTrainer;
import dev.heed.tasks.sentiment.SentimentTrainingOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code heed train sentiment}: a sentiment classifier from scratch, written as a model directory. */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = {"Train a sentiment classifier over an encoder with a pooled output, from scratch (--encoder)"
                + " or fine-tuning a pretrained model (--init), on gold labels or a teacher's (--teacher), choosing"
                + " the epoch by dev accuracy; writes a model directory (model.json, tokenizer.json,"
                + " weights.safetensors, README.md model card with this command and the dev metrics).",
                "Data: TSV with a header (sentence|text, label), 'label text' lines, or JSON lines {text, label}."})
final class TrainSentimentCommand implements Callable<Integer> {

    @Option(names = "--encoder", description = "textcnn, bigru or transformer, trained from scratch.")
    String encoder;

    @Option(names = "--init", paramLabel = "MODEL", description = "Fine-tune this pretrained model (a name such as"
            + " all-minilm-l6-v2, or a directory): its encoder, config, weights and subword tokenizer.")
    String init;

    @Option(names = "--teacher", paramLabel = "MODEL", description = "Distil: train on this sentiment model's"
            + " probabilities instead of the gold labels.")
    String teacher;

    @Option(names = "--augment", defaultValue = "0", paramLabel = "N", description = "With --teacher, N augmented"
            + " variants of each training text (masked words, n-gram samples) labelled by the teacher.")
    int augment;

    @Option(names = "--init-embeddings", paramLabel = "MODEL", description = "Start a word-level encoder's word"
            + " vectors from a pretrained BERT-family model's input embeddings (each word: the mean of its subwords';"
            + " set embeddingDim to the model's size, 384 for all-minilm-l6-v2).")
    String initEmbeddings;

    @Option(names = "--teacher-cache", paramLabel = "FILE", description = "Keep the teacher's labels in FILE and"
            + " reuse them when a later run labels the same texts (same data, --augment and --seed).")
    Path teacherCache;

    @Option(names = "--train", required = true, paramLabel = "FILE", description = "Training data.")
    Path train;

    @Option(names = "--dev", required = true, paramLabel = "FILE", description = "Dev data, for choosing the epoch.")
    Path dev;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The model directory to write.")
    Path out;

    @Option(names = "--labels", defaultValue = "negative,positive", paramLabel = "A,B,...|sst5",
            description = "Class names by index (default: ${DEFAULT-VALUE}); sst5 for the five SST classes.")
    String labels;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "An encoder setting (see heed encoders describe).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--epochs", defaultValue = "10", paramLabel = "N",
            description = "Passes over the training data, at most (default: ${DEFAULT-VALUE}).")
    int epochs;
    @Option(names = "--batch-size", defaultValue = "64", paramLabel = "N",
            description = "Texts per update (default: ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--lr", defaultValue = "0.001", paramLabel = "RATE",
            description = "Peak learning rate of AdamW (default: ${DEFAULT-VALUE}).")
    float learningRate;
    @Option(names = "--warmup", defaultValue = "0.05", description = "Fraction of steps warming up.") float warmup;
    @Option(names = "--weight-decay", defaultValue = "0.0001",
            description = "AdamW weight decay (default: ${DEFAULT-VALUE}).")
    float weightDecay;
    @Option(names = "--clip", defaultValue = "5", description = "Gradient clipping value.") float clip;
    @Option(names = "--dropout", defaultValue = "0.5", description = "Dropout before the output layer.") float dropout;
    @Option(names = "--seed", defaultValue = "42",
            description = "Random seed: one seed gives one model (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--patience", defaultValue = "3", paramLabel = "N",
            description = "Stop after N epochs without a better dev"
                    + " accuracy (default: ${DEFAULT-VALUE}).")
    int patience;
    @Option(names = "--max-length", defaultValue = "128", paramLabel = "N",
            description = "Tokens read of each text; the"
                    + " rest is cut (default: ${DEFAULT-VALUE}).")
    int maxLength;
    @Option(names = "--min-count", defaultValue = "1", paramLabel = "N",
            description = "Words seen fewer times in training"
                    + " are unknown (default: ${DEFAULT-VALUE}).")
    int minCount;
    @Option(names = "--max-vocab", defaultValue = "50000", paramLabel = "N",
            description = "The largest word vocabulary (default: ${DEFAULT-VALUE}).")
    int maxVocab;
    @Option(names = "--weights-dtype", defaultValue = "F32", paramLabel = "F32|F16|BF16",
            description = "How the encoder's weights are stored (default: ${DEFAULT-VALUE}; F16 halves the file).")
    DType weightsType;
    @Option(names = "--name", description = "The model's name (default: the output folder's).") String name;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!java.util.Set.of(DType.F32, DType.F16, DType.BF16)
                .contains(weightsType)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--weights-dtype must be F32, F16 or BF16, not "
                    + weightsType);
        }
        List<String> classes = labels.equals("sst5") ? LabelledTexts.FIVE_CLASS : Arrays.asList(labels.split(","));
        SentimentTrainingOptions options = new SentimentTrainingOptions(Optional.ofNullable(encoder), settings, classes,
                epochs, batchSize, learningRate, warmup, weightDecay, clip, dropout, seed, patience, maxLength, minCount,
                maxVocab, Optional.ofNullable(init), Optional.ofNullable(teacher), augment, Optional.ofNullable(initEmbeddings),
                Optional.ofNullable(teacherCache));
        PrintWriter err = spec.commandLine().getErr();
        LabelledTexts trainData;
        LabelledTexts devData;
        try {
            trainData = LabelledTexts.read(train, classes);
            devData = LabelledTexts.read(dev, classes);
        } catch (dev.heed.tasks.classification.UnknownLabelException e) {
            throw new IllegalArgumentException(e.getMessage() + ": pass --labels with the classes of this data"
                    + " (--labels sst5 for SST-5's 0..4)", e);
        }
        String command = "heed " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        String modelName = name != null ? name : out.toAbsolutePath().getFileName().toString();
        // a run that fails leaves no folder that looks like a model
        return TrainingOutput.guard(out, () -> {
            return new SentimentTrainer(options, line -> {
                err.println("heed: " + line);
                err.flush();
            }).train(trainData, devData, result -> {
                try {
                    ModelDirectory model = SentimentModelWriter.write(result, options, modelName, command, train, out,
                            weightsType);
                    err.printf("heed: wrote %s: dev accuracy %.4f, macro-F1 %.4f (epoch %d), %.0f s%n", model.path(),
                            result.dev().accuracy(), result.dev().macroF1(), result.bestEpoch(), result.seconds());
                    err.flush();
                    return ExitCodes.OK;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (dev.heed.model.ModelLoadException e) {
                    throw new IllegalStateException("the written model does not verify: " + e.getMessage(), e);
                }
            });
        });
    }
}
