package dev.heed.cli;

import dev.heed.model.ModelDirectory;
import dev.heed.tasks.translation.ParallelCorpus;
import dev.heed.tasks.translation.TranslationModelWriter;
import dev.heed.tasks.translation.TranslationTrainer;
import dev.heed.tasks.translation.TranslationTrainingOptions;
import dev.heed.tensor.DType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code heed train translation}: an encoder-decoder translation model from scratch. */
@Command(name = "translation", mixinStandardHelpOptions = true,
        description = {"Train a translation model from scratch: an encoder with per-token states (bigru,"
                + " transformer) feeding a GRU decoder with input feeding or a Transformer decoder, attending by"
                + " --attention; a joint byte-level BPE; label smoothing, Adam with warm-up and inverse-square-root"
                + " decay, global-norm clipping, early stopping on dev BLEU, checkpoint averaging. Writes a model"
                + " directory (model.json, tokenizer.json, weights.safetensors, README.md with this command and the"
                + " dev BLEU and chrF).",
                "Data: PREFIX.SRC and PREFIX.TGT (or .gz), one sentence a line, line-aligned; e.g. --train"
                        + " ../shared/data/multi30k/train --languages de-en reads train.de.gz and train.en.gz."})
final class TrainTranslationCommand implements Callable<Integer> {

    @Option(names = "--encoder", defaultValue = "bigru",
            description = "bigru or transformer (default: ${DEFAULT-VALUE}).")
    String encoder;

    @Option(names = "--decoder", defaultValue = "gru", description = "gru or transformer (default: ${DEFAULT-VALUE}).")
    String decoder;

    @Option(names = "--attention", defaultValue = "additive", description = "Cross-attention: additive, dot, general,"
            + " local-p (gru); multi-head (transformer). Default: ${DEFAULT-VALUE}.")
    String attention;

    @Option(names = "--train", required = true, paramLabel = "PREFIX", description = "Training data prefix.")
    String train;

    @Option(names = "--dev", required = true, paramLabel = "PREFIX",
            description = "Dev data prefix, for early stopping.")
    String dev;

    @Option(names = "--languages", required = true, paramLabel = "SRC-TGT", description = "e.g. de-en.")
    String languages;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The model directory to write.")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "An encoder setting (see heed encoders describe).")
    Map<String, String> encoderSettings = new LinkedHashMap<>();

    @Option(names = "--set-decoder", paramLabel = "KEY=VALUE", description = "A decoder setting: dim, embeddingDim,"
            + " layers, heads, ffnDim, attentionDim, window, dropout, tiedEmbeddings, maxLength.")
    Map<String, String> decoderSettings = new LinkedHashMap<>();

    @Option(names = "--vocab-size", defaultValue = "8000", description = "BPE pieces (of each side's vocabulary when"
                    + " separate).")
    int vocabSize;
    @Option(names = "--vocabulary", defaultValue = "joint", paramLabel = "joint|separate", description = "One BPE"
            + " vocabulary learned from both sides (default), or one for the source and one for the target.")
    String vocabulary;
    @Option(names = "--epochs", defaultValue = "20", paramLabel = "N",
            description = "Passes over the training data, at most (default: ${DEFAULT-VALUE}).")
    int epochs;
    @Option(names = "--batch-size", defaultValue = "64", paramLabel = "N",
            description = "Sentence pairs per update (default: ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--lr", defaultValue = "0.001", paramLabel = "RATE",
            description = "Peak learning rate of Adam (default: ${DEFAULT-VALUE}).")
    float learningRate;
    @Option(names = "--warmup", defaultValue = "1000", description = "Warm-up updates.") int warmup;
    @Option(names = "--label-smoothing", defaultValue = "0.1",
            description = "Label smoothing epsilon (default: ${DEFAULT-VALUE}).")
    float labelSmoothing;
    @Option(names = "--clip", defaultValue = "1.0", description = "Global gradient norm.") float clip;
    @Option(names = "--patience", defaultValue = "3", paramLabel = "N",
            description = "Stop after N epochs without a better dev"
                    + " BLEU (default: ${DEFAULT-VALUE}).")
    int patience;
    @Option(names = "--average-last", defaultValue = "3", description = "Average the last N epochs' weights.")
    int averageLast;
    @Option(names = "--max-train-tokens", defaultValue = "100", paramLabel = "N",
            description = "Training pairs with a side"
                    + " longer than N subwords are left out and counted (default: ${DEFAULT-VALUE}).")
    int maxTrainTokens;
    @Option(names = "--time-limit", defaultValue = "0", paramLabel = "MINUTES", description = "Stop after this long.")
    double timeLimit;
    @Option(names = "--limit", defaultValue = "0", paramLabel = "N",
            description = "Use the first N training pairs only.")
    int limit;
    @Option(names = "--seed", defaultValue = "42",
            description = "Random seed: one seed gives one model (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--init", paramLabel = "MODEL", description = "Continue training this translation model (name or"
                    + " directory): its vocabularies, architecture and weights.")
    String init;
    @Option(names = "--clip-by-value", description = "Clip each gradient element to [-clip, clip] instead of the"
                    + " global norm.")
    boolean clipByValue;
    @Option(names = "--weights-dtype", defaultValue = "F32", paramLabel = "F32|F16|BF16",
            description = "How the weights"
                    + " file stores them: F16 halves it (default: ${DEFAULT-VALUE}).")
    DType weightsType;
    @Option(names = "--name", description = "The model's name (default: the output folder's).") String name;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String[] pair = languages.split("-");
        if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--languages must be SRC-TGT, e.g. de-en");
        }
        if (!vocabulary.equals("joint") && !vocabulary.equals("separate")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--vocabulary must be joint or separate, got '"
                    + vocabulary + "'");
        }
        TranslationTrainingOptions options = new TranslationTrainingOptions(encoder, encoderSettings, decoder, attention,
                decoderSettings, vocabSize, epochs, batchSize, learningRate, warmup, labelSmoothing, clip, patience,
                averageLast, maxTrainTokens, timeLimit, seed, java.util.Optional.ofNullable(init), clipByValue,
                vocabulary.equals("separate"));
        Path trainSource = file(train, pair[0]);
        ParallelCorpus read = ParallelCorpus.read(trainSource, file(train, pair[1]));
        ParallelCorpus trainData = limit > 0 && limit < read.size()
                ? new ParallelCorpus(read.sources().subList(0, limit), read.targets().subList(0, limit)) : read;
        ParallelCorpus devData = ParallelCorpus.read(file(dev, pair[0]), file(dev, pair[1]));
        PrintWriter err = spec.commandLine().getErr();
        String command = "heed " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        String modelName = name != null ? name : out.toAbsolutePath().getFileName().toString();
        // a run that fails (a crash, a configuration refused) leaves no folder that looks like a model
        return TrainingOutput.guard(out, () -> {
            Files.createDirectories(out);
            return new TranslationTrainer(options, line -> {
                err.println("heed: " + line);
                err.flush();
            }).checkpointing(best -> {
                try {
                    TranslationModelWriter.write(best, options, modelName, languages, command, trainSource, out, weightsType);
                    err.printf("heed: wrote the best model so far (%s, dev BLEU %.2f, greedy search) to %s%n", best.chosen(),
                            best.devBleu(), out);
                } catch (IOException | dev.heed.model.ModelLoadException e) {
                    err.println("heed: could not write the best model so far: " + e.getMessage());
                }
                err.flush();
            }).train(trainData, devData, out, result -> {
                try {
                    ModelDirectory model = TranslationModelWriter.write(result, options, modelName, languages, command,
                            trainSource, out, weightsType);
                    err.printf("heed: wrote %s: dev BLEU %.2f, chrF %.2f (%s, greedy search), %.0f s%n", model.path(), result.devBleu(),
                            result.devChrf(), result.chosen(), result.seconds());
                    err.flush();
                    return ExitCodes.OK;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (dev.heed.model.ModelLoadException e) {
                    throw new IllegalStateException("the written model does not verify: " + e.getMessage(), e);
                }
            });
        });
    }

    /** {@code PREFIX.lang}, or {@code PREFIX.lang.gz} when only that exists. */
    static Path file(String prefix, String language) throws IOException {
        Path plain = Path.of(prefix + "." + language);
        Path gz = Path.of(prefix + "." + language + ".gz");
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new java.nio.file.NoSuchFileException(plain.toString(), null, "neither it nor " + gz + " exists");
    }
}
