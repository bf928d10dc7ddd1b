package dev.heed.tasks.sentiment;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code heed train sentiment} trains. Immutable; validated on construction.
 *
 * @param encoder the encoder's name ({@code textcnn}, {@code bigru}, {@code transformer}); empty when fine-tuning
 *     takes it from the pretrained model
 * @param encoderSettings settings of the encoder's config over its defaults ({@code vocabSize} is set from
 *     the vocabulary)
 * @param labels class names by index
 * @param epochs most passes over the training data
 * @param batchSize examples per step
 * @param learningRate peak learning rate of AdamW (after linear warm-up, then cosine decay to 0)
 * @param warmupFraction fraction of all steps spent warming up
 * @param weightDecay AdamW's decoupled weight decay
 * @param clipGradient gradients are clipped to this absolute value
 * @param dropout dropout before the classification layer
 * @param seed seeds the engine, the initialization and the shuffling
 * @param patience stop after this many epochs without a better dev accuracy
 * @param maxLength longest input in tokens; longer ones are cut (and counted)
 * @param minCount words seen fewer times in training are unknown
 * @param maxVocab the largest vocabulary
 * @param init a pretrained model (name or directory) whose encoder and tokenizer to fine-tune, or empty
 * @param teacher a sentiment model (name or directory) whose probabilities are the targets, or empty
 * @param augment with a teacher, augmented variants of each training text (word-level students only)
 * @param embeddings a pretrained BERT-family model whose input embeddings start a word-level student's, or empty
 * @param teacherCache a file keeping the teacher's labels for reuse by later runs over the same texts, or empty
 */
public record SentimentTrainingOptions(Optional<String> encoder, Map<String, String> encoderSettings, List<String> labels,
        int epochs, int batchSize, float learningRate, float warmupFraction, float weightDecay, float clipGradient,
        float dropout, long seed, int patience, int maxLength, int minCount, int maxVocab,
        Optional<String> init, Optional<String> teacher, int augment, Optional<String> embeddings,
        Optional<java.nio.file.Path> teacherCache) {

    public SentimentTrainingOptions {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(teacher, "teacher");
        Objects.requireNonNull(teacherCache, "teacherCache");
        Objects.requireNonNull(embeddings, "embeddings");
        if (encoder.isEmpty() && init.isEmpty()) {
            throw new IllegalArgumentException("name an encoder to train from scratch or a pretrained model to fine-tune");
        }
        if (augment < 0 || (augment > 0 && teacher.isEmpty())) {
            throw new IllegalArgumentException("augmented variants (" + augment + ") need a teacher to label them");
        }
        encoderSettings = Map.copyOf(encoderSettings);
        labels = List.copyOf(labels);
        if (epochs < 1 || batchSize < 1 || patience < 1 || maxLength < 1 || minCount < 1 || maxVocab < 3) {
            throw new IllegalArgumentException("epochs, batch size, patience, max length, min count must be >= 1");
        }
        if (!(learningRate > 0) || warmupFraction < 0 || warmupFraction >= 1 || weightDecay < 0 || clipGradient <= 0
                || dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("learning rate > 0, warm-up in [0, 1), weight decay >= 0, clip > 0,"
                    + " dropout in [0, 1)");
        }
        if (labels.size() < 2) {
            throw new IllegalArgumentException("at least two labels, got " + labels);
        }
    }
}
