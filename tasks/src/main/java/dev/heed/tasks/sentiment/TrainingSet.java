package dev.heed.tasks.sentiment;

import dev.heed.model.ModelLoadException;
import dev.heed.tasks.classification.LabelledTexts;
import dev.heed.tasks.classification.TextVectorizer;
import dev.heed.tasks.classification.WordAugmenter;
import dev.heed.text.Token;
import dev.heed.text.vocab.WordVocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The examples a classifier trains on: token ids and a target distribution over the classes each. Gold
 * labels give one-hot targets; a teacher gives its probabilities, over the training texts and, for a
 * word-level student, over {@code augment} variants of each (masked words, n-gram samples). Immutable.
 *
 * @param ids per example, its token ids
 * @param targets per example, the probability of each class
 */
record TrainingSet(List<long[]> ids, List<float[]> targets) {

    /** The mask token BERT-family teachers read in place of a masked word. */
    static final String TEACHER_MASK = "[MASK]";

    int size() {
        return ids.size();
    }

    static TrainingSet of(LabelledTexts train, TextVectorizer vectorizer, SentimentTrainingOptions options,
            Consumer<String> progress) throws ModelLoadException {
        List<long[]> ids = new ArrayList<>();
        for (String text : train.texts()) {
            ids.add(vectorizer.vectorize(text, options.maxLength()).ids());
        }
        int k = options.labels().size();
        if (options.teacher().isEmpty()) {
            List<float[]> targets = new ArrayList<>();
            for (int label : train.labels()) {
                float[] oneHot = new float[k];
                oneHot[label] = 1f;
                targets.add(oneHot);
            }
            return new TrainingSet(ids, targets);
        }
        List<String> teacherTexts = new ArrayList<>(train.texts());
        if (options.augment() > 0) {
            if (!(vectorizer instanceof TextVectorizer.Words words)) {
                throw new IllegalArgumentException("augmented distillation needs a word-level student (an encoder"
                        + " trained from scratch), not a fine-tuned one; leave out --augment");
            }
            WordAugmenter augmenter = new WordAugmenter(options.seed(), 0.1, 0.25, TEACHER_MASK);
            for (String text : train.texts()) {
                List<Token> tokens = words.tokenizer().words(text);
                for (int v = 0; v < options.augment(); v++) {
                    WordAugmenter.Variant variant = augmenter.vary(text, tokens);
                    teacherTexts.add(variant.teacherText());
                    ids.add(studentIds(variant, words.vocabulary(), options.maxLength()));
                }
            }
        }
        java.util.Optional<float[][]> cached = TeacherLabels.readCache(options.teacherCache(), teacherTexts, k);
        if (cached.isPresent()) {
            progress.accept(String.format("teacher labels of %,d texts from %s", teacherTexts.size(),
                    options.teacherCache().orElseThrow()));
            return new TrainingSet(ids, List.of(cached.get()));
        }
        try (SentimentModel teacher = SentimentModel.load(options.teacher().get())) {
            if (!teacher.labels().equals(options.labels())) {
                throw new IllegalArgumentException("the teacher's classes " + teacher.labels()
                        + " are not the student's " + options.labels());
            }
            progress.accept(String.format("teacher %s labels %,d texts", teacher.name(), teacherTexts.size()));
            float[][] targets = TeacherLabels.of(teacher, teacherTexts, progress);
            TeacherLabels.writeCache(options.teacherCache(), teacherTexts, targets);
            return new TrainingSet(ids, List.of(targets));
        }
    }

    private static long[] studentIds(WordAugmenter.Variant variant, WordVocabulary vocabulary, int maxLength) {
        int n = Math.max(1, Math.min(maxLength, variant.words().size()));
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i >= variant.words().size() || variant.masked().get(i) ? vocabulary.unknownId()
                    : vocabulary.id(WordVocabulary.key(variant.words().get(i).normalized()));
        }
        return ids;
    }
}
