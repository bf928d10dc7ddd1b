package dev.heed.cli;

import dev.heed.tasks.seq2seq.Seq2SeqTrainingOptions;
import dev.heed.tensor.DType;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options {@code heed train translation} and {@code heed train summarization} share: the encoder-decoder's
 * architecture, the vocabulary, and the training loop (a picocli mixin).
 */
final class Seq2SeqTrainingFlags {

    @Option(names = "--encoder", defaultValue = "bigru",
            description = "bigru or transformer (default: ${DEFAULT-VALUE}).")
    String encoder;

    @Option(names = "--decoder", defaultValue = "gru", description = "gru or transformer (default: ${DEFAULT-VALUE}).")
    String decoder;

    @Option(names = "--attention", defaultValue = "additive", description = "Cross-attention: additive, dot, general,"
            + " local-p (gru); multi-head (transformer). Default: ${DEFAULT-VALUE}.")
    String attention;

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
            description = "Stop after N epochs without a better dev score (BLEU for translation, ROUGE-1 for"
                    + " summarization; default: ${DEFAULT-VALUE}).")
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
    @Option(names = "--init", paramLabel = "MODEL", description = "Continue training this model of the same task (name or"
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

    /**
     * The trainer's options from these flags.
     *
     * @throws IllegalArgumentException naming the flag of a value out of range
     */
    Seq2SeqTrainingOptions options(int truncateSourceTo, float coverageLossWeight, int coverageFromEpoch) {
        return options(truncateSourceTo, coverageLossWeight, coverageFromEpoch, null, false, 0f, false);
    }

    /** The trainer's options, the encoder started from the pretrained {@code encoderInit} when not null. */
    Seq2SeqTrainingOptions options(int truncateSourceTo, float coverageLossWeight, int coverageFromEpoch,
            String encoderInit, boolean freezeEncoder, float encoderLearningRate, boolean freezeDecoderEmbeddings) {
        if (!vocabulary.equals("joint") && !vocabulary.equals("separate")) {
            throw new IllegalArgumentException("--vocabulary must be joint or separate, got '" + vocabulary + "'");
        }
        return new Seq2SeqTrainingOptions(encoder, encoderSettings, decoder, attention, decoderSettings, vocabSize,
                epochs, batchSize, learningRate, warmup, labelSmoothing, clip, patience, averageLast, maxTrainTokens,
                timeLimit, seed, java.util.Optional.ofNullable(init), clipByValue, vocabulary.equals("separate"),
                truncateSourceTo, coverageLossWeight, coverageFromEpoch, java.util.Optional.ofNullable(encoderInit),
                freezeEncoder, encoderLearningRate, freezeDecoderEmbeddings);
    }
}
