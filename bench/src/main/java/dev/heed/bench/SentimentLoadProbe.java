package dev.heed.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.initializer.ConstantInitializer;
import dev.heed.encoders.EncoderBlock;
import dev.heed.encoders.EncoderProvider;
import dev.heed.encoders.EncoderWeights;
import dev.heed.encoders.Encoders;
import dev.heed.model.ComponentSpec;
import dev.heed.model.ModelDirectory;
import dev.heed.models.ModelResolver;
import dev.heed.tasks.classification.ClassifierBlock;
import dev.heed.tensor.SafeTensorsFile;
import dev.heed.text.CoreNlpWordTokenizer;
import dev.heed.text.vocab.TokenizerJsonReader;
import java.util.Locale;

/**
 * Where a cold {@code SentimentModel.load} of the default {@code sst2} spends its time: its steps taken one by one in
 * a fresh JVM, each timed (seconds), libtorch first. {@code bench/probe SentimentLoadProbe [MODEL]}.
 */
public final class SentimentLoadProbe {

    private static long last = System.nanoTime();

    private SentimentLoadProbe() {
    }

    private static void lap(String step) {
        long now = System.nanoTime();
        System.out.printf(Locale.ROOT, "%-34s %.3f s%n", step, (now - last) / 1e9);
        last = now;
    }

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "sst2";
        Engine.getEngine("PyTorch");
        lap("libtorch");
        ModelDirectory model = new ModelResolver().resolve(name);
        lap("resolve (JSON, sha256 of every file)");
        ComponentSpec spec = model.manifest().components().get("encoder");
        EncoderProvider provider = Encoders.provider(spec.name());
        EncoderBlock encoder = provider.create(provider.parse(spec.config()));
        lap("encoder block");
        try (NDManager manager = NDManager.newBaseManager()) {
            ClassifierBlock classifier = new ClassifierBlock(encoder, model.manifest().labels().size(), 0f);
            classifier.setInitializer(new ConstantInitializer(0f), p -> true);
            classifier.initialize(manager, DataType.FLOAT32, EncoderBlock.inputShapes(8));
            lap("parameters allocated");
            SafeTensorsFile weights = SafeTensorsFile.open(model.resolve(model.manifest().weights()));
            EncoderWeights.load(encoder, weights, "encoder.");
            lap("weights read, converted and copied");
        }
        CoreNlpWordTokenizer words = new CoreNlpWordTokenizer();
        words.words("a great movie");
        lap("CoreNLP tokenizer, first use");
        TokenizerJsonReader.wordLevel(model.resolve(model.manifest().tokenizers().get("source")));
        lap("vocabulary JSON");
    }
}
