package dev.heed.tasks.seq2seq;

import java.util.Map;

/**
 * How to train an encoder-decoder (translation, summarization). Immutable; validated on construction.
 *
 * @param encoder the encoder's name ({@code bigru}, {@code transformer}, ...)
 * @param encoderSettings overrides of the encoder's config ({@code hiddenSize=256}); its vocabulary size is set
 *     from the subword vocabulary
 * @param decoder decoder type: {@code gru} or {@code transformer}
 * @param attention the decoder's cross-attention variant
 * @param decoderSettings overrides of {@link DecoderConfig} ({@code dim=512}, {@code tiedEmbeddings=true})
 * @param vocabSize size of the byte-level BPE vocabulary learned from both sides of the training data (joint), or
 *     of each side's own (see {@code separateVocabularies})
 * @param epochs the most passes over the data
 * @param batchSize sentence pairs per update (batches are built from pairs of similar length)
 * @param learningRate the peak learning rate
 * @param warmupSteps updates of linear warm-up before the inverse-square-root decay
 * @param labelSmoothing eps of the label-smoothed loss
 * @param clipNorm the gradients' global norm is clipped to this
 * @param patience stop after this many epochs without a better dev BLEU
 * @param averageLast average the weights of the last this many epochs at the end (1 = no averaging); the
 *     average is kept when its dev BLEU beats the best epoch's
 * @param maxTrainTokens training pairs with a side longer than this many subwords are left out, counted and
 *     reported
 * @param timeLimitMinutes stop training after this many minutes (the current epoch ends early and is
 *     evaluated); 0 = no limit
 * @param seed the random seed
 * @param init continue training this translation model (name or directory): its vocabularies, architecture and
 *     weights; the encoder, decoder, attention and vocabulary options are then its own
 * @param clipByValue clip each gradient element to {@code [-clipNorm, clipNorm]} instead of the global norm
 * @param separateVocabularies learn one vocabulary from the source side and another from the target side
 *     instead of one joint vocabulary from both
 * @param truncateSourceTo keep the first this many subwords of a longer training or dev source (counted and
 *     reported; {@code maxTrainTokens} then limits the targets only); 0 = no cut (a pair with a side over
 *     {@code maxTrainTokens} is left out instead)
 * @param coverageLossWeight lambda of the coverage loss of a decoder with coverage (See et al. 2017: 1.0)
 * @param coverageFromEpoch the coverage loss applies from this epoch on (the paper adds it for the last part of
 *     training); 1 = from the start
 * @param encoderInit a pretrained encoder (name such as {@code all-minilm-l6-v2}, or directory) to start the
 *     encoder from: its architecture, weights and WordPiece tokenizer, which becomes the one vocabulary of both
 *     sides (Rothe et al. 2020); the decoder is trained from scratch, its embeddings start as the encoder's word
 *     embeddings. With {@code init}: that model (trained on this encoder, checked) is continued, its weights kept,
 *     and this names the encoder its fixed parts come from (to fine-tune a model whose encoder was frozen)
 * @param freezeEncoder with {@code encoderInit}: keep the pretrained encoder's weights fixed, train the decoder only
 * @param encoderLearningRate with {@code encoderInit} and a trained encoder: the encoder's peak learning rate
 *     (its own Adam, same schedule); 0 = {@code learningRate}
 * @param freezeDecoderEmbeddings with {@code encoderInit}: the decoder's embedding table (its output layer's too when
 *     tied) starts as the encoder's word embeddings and stays fixed, in effect shared with a frozen encoder (Rothe et
 *     al. 2020's shared setting). Takes Adam's update and the dense gradient over the {@code V x D} table out of
 *     every update; training fails at the start when the decoder's table cannot start from the encoder's (another
 *     size, or not a Transformer decoder)
 */
public record Seq2SeqTrainingOptions(String encoder, Map<String, String> encoderSettings, String decoder,
        String attention, Map<String, String> decoderSettings, int vocabSize, int epochs, int batchSize,
        float learningRate, int warmupSteps, float labelSmoothing, float clipNorm, int patience, int averageLast,
        int maxTrainTokens, double timeLimitMinutes, long seed, java.util.Optional<String> init, boolean clipByValue,
        boolean separateVocabularies, int truncateSourceTo, float coverageLossWeight, int coverageFromEpoch,
        java.util.Optional<String> encoderInit, boolean freezeEncoder, float encoderLearningRate,
        boolean freezeDecoderEmbeddings) {

    /** Options of a model trained from scratch or continued ({@code init}), no pretrained encoder. */
    public Seq2SeqTrainingOptions(String encoder, Map<String, String> encoderSettings, String decoder,
            String attention, Map<String, String> decoderSettings, int vocabSize, int epochs, int batchSize,
            float learningRate, int warmupSteps, float labelSmoothing, float clipNorm, int patience, int averageLast,
            int maxTrainTokens, double timeLimitMinutes, long seed, java.util.Optional<String> init,
            boolean clipByValue, boolean separateVocabularies, int truncateSourceTo, float coverageLossWeight,
            int coverageFromEpoch) {
        this(encoder, encoderSettings, decoder, attention, decoderSettings, vocabSize, epochs, batchSize,
                learningRate, warmupSteps, labelSmoothing, clipNorm, patience, averageLast, maxTrainTokens,
                timeLimitMinutes, seed, init, clipByValue, separateVocabularies, truncateSourceTo, coverageLossWeight,
                coverageFromEpoch, java.util.Optional.empty(), false, 0f, false);
    }

    /** Options without source truncation or coverage loss (translation). */
    public Seq2SeqTrainingOptions(String encoder, Map<String, String> encoderSettings, String decoder,
            String attention, Map<String, String> decoderSettings, int vocabSize, int epochs, int batchSize,
            float learningRate, int warmupSteps, float labelSmoothing, float clipNorm, int patience, int averageLast,
            int maxTrainTokens, double timeLimitMinutes, long seed, java.util.Optional<String> init,
            boolean clipByValue, boolean separateVocabularies) {
        this(encoder, encoderSettings, decoder, attention, decoderSettings, vocabSize, epochs, batchSize,
                learningRate, warmupSteps, labelSmoothing, clipNorm, patience, averageLast, maxTrainTokens,
                timeLimitMinutes, seed, init, clipByValue, separateVocabularies, 0, 0f, 1);
    }

    public Seq2SeqTrainingOptions {
        encoderSettings = Map.copyOf(encoderSettings);
        decoderSettings = Map.copyOf(decoderSettings);
        java.util.Objects.requireNonNull(init, "init");
        if (!DecoderConfig.TYPES.contains(decoder)) {
            throw new IllegalArgumentException("--decoder must be one of " + DecoderConfig.TYPES + ", got '" + decoder + "'");
        }
        if (epochs < 1 || batchSize < 1 || warmupSteps < 1 || patience < 1 || averageLast < 1 || maxTrainTokens < 2) {
            throw new IllegalArgumentException("epochs, batch size, warm-up, patience, averageLast must be >= 1 and"
                    + " maxTrainTokens >= 2");
        }
        if (!(learningRate > 0) || labelSmoothing < 0 || labelSmoothing >= 1 || !(clipNorm > 0)
                || timeLimitMinutes < 0) {
            throw new IllegalArgumentException("need learningRate > 0, labelSmoothing in [0, 1), clipNorm > 0 and a"
                    + " time limit >= 0");
        }
        if (truncateSourceTo < 0 || coverageLossWeight < 0 || coverageFromEpoch < 1) {
            throw new IllegalArgumentException("need truncateSourceTo >= 0, coverageLossWeight >= 0 and"
                    + " coverageFromEpoch >= 1");
        }
        java.util.Objects.requireNonNull(encoderInit, "encoderInit");
        if ((freezeEncoder || encoderLearningRate != 0) && encoderInit.isEmpty()) {
            throw new IllegalArgumentException("--freeze-encoder and --encoder-lr need --encoder-init");
        }
        if (freezeDecoderEmbeddings && encoderInit.isEmpty()) {
            throw new IllegalArgumentException("--freeze-decoder-embeddings needs --encoder-init (the table it keeps"
                    + " is the pretrained encoder's)");
        }
        if (encoderLearningRate < 0 || (freezeEncoder && encoderLearningRate != 0)) {
            throw new IllegalArgumentException("--encoder-lr must be >= 0, and is meaningless with --freeze-encoder");
        }
        if (encoderInit.isPresent() && separateVocabularies) {
            throw new IllegalArgumentException("a pretrained encoder's WordPiece vocabulary serves both sides:"
                    + " --vocabulary separate does not apply");
        }
        if (vocabSize < 300) {
            throw new IllegalArgumentException("vocabSize must be >= 300 (4 specials and 256 bytes come first), got "
                    + vocabSize);
        }
    }
}
