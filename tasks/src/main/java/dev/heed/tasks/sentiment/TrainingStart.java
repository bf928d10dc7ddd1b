package dev.heed.tasks.sentiment;

import dev.heed.encoders.EncoderBlock;
import dev.heed.encoders.EncoderProvider;
import dev.heed.encoders.Encoders;
import dev.heed.model.ComponentSpec;
import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelLoadException;
import dev.heed.models.ModelResolver;
import dev.heed.tasks.classification.LabelledTexts;
import dev.heed.tasks.classification.TextVectorizer;
import dev.heed.text.CoreNlpWordTokenizer;
import dev.heed.text.SubwordTokenizer;
import dev.heed.text.WordTokenizer;
import dev.heed.text.vocab.WordVocabulary;
import dev.heed.text.vocab.WordVocabularyBuilder;
import dev.heed.text.vocab.WordVocabularyConfig;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where training starts: the vectorizer, a new encoder and, when fine-tuning, the pretrained weights to load
 * into it. From scratch, the vocabulary is CoreNLP's normalized words of the training texts; from a
 * pretrained model (named or a directory), its encoder config and its HuggingFace tokenizer.
 *
 * @param vectorizer texts to ids
 * @param encoder the encoder, not yet initialized
 * @param pretrained the model whose weights ({@code ""} prefix) initialize the encoder, when fine-tuning
 * @param summary one line for the progress log
 */
record TrainingStart(TextVectorizer vectorizer, EncoderBlock encoder, Optional<ModelDirectory> pretrained,
        String summary) {

    static TrainingStart of(LabelledTexts train, SentimentTrainingOptions options) throws ModelLoadException {
        return options.init().isPresent() ? pretrained(options.init().get(), options) : fromScratch(train, options);
    }

    private static TrainingStart fromScratch(LabelledTexts train, SentimentTrainingOptions options) {
        WordTokenizer words = new CoreNlpWordTokenizer();
        WordVocabularyBuilder builder = new WordVocabularyBuilder(
                WordVocabularyConfig.of(options.minCount(), options.maxVocab()));
        for (String text : train.texts()) {
            builder.add(words.words(text).stream().map(t -> WordVocabulary.key(t.normalized())).toList());
        }
        WordVocabulary vocabulary = builder.build();
        Map<String, Object> settings = new LinkedHashMap<>(options.encoderSettings());
        settings.put("vocabSize", vocabulary.size());
        String encoder = options.encoder().orElseThrow(() -> new IllegalArgumentException(
                "name an encoder to train from scratch (" + Encoders.names() + "), or a pretrained model to fine-tune"));
        return new TrainingStart(new TextVectorizer.Words(words, vocabulary), Encoders.create(encoder, settings),
                Optional.empty(), String.format("%s from scratch, vocabulary %,d words", encoder, vocabulary.size()));
    }

    private static TrainingStart pretrained(String nameOrPath, SentimentTrainingOptions options)
            throws ModelLoadException {
        ModelDirectory model = new ModelResolver().resolve(nameOrPath);
        ComponentSpec spec = model.manifest().components().get("encoder");
        String tokenizerFile = model.manifest().tokenizers().get("source");
        if (spec == null || tokenizerFile == null) {
            throw new ModelLoadException(model.path() + " is not a pretrained encoder: its model.json names no encoder"
                    + " or no source tokenizer");
        }
        if (options.encoder().isPresent() && !options.encoder().get().equals(spec.name())) {
            throw new IllegalArgumentException(nameOrPath + " is a " + spec.name() + " model; it cannot start a "
                    + options.encoder().get() + " encoder (leave out --encoder when fine-tuning)");
        }
        Map<String, Object> config = new LinkedHashMap<>(spec.config());
        config.putAll(options.encoderSettings());
        EncoderProvider provider = Encoders.provider(spec.name());
        try {
            SubwordTokenizer tokenizer = SubwordTokenizer.load(model.resolve(tokenizerFile), true);
            return new TrainingStart(new TextVectorizer.Subwords(tokenizer), provider.create(provider.parse(config)),
                    Optional.of(model), spec.name() + " fine-tuned from " + model.manifest().name());
        } catch (IOException e) {
            throw new ModelLoadException("cannot read the tokenizer of " + model.path() + ": " + e.getMessage(), e);
        }
    }
}
