package dev.heed.tasks.sentiment;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.heed.encoders.EncoderBlock;
import dev.heed.encoders.Encoders;
import dev.heed.tasks.classification.ClassificationMetrics;
import dev.heed.tasks.classification.ClassifierBlock;
import dev.heed.tasks.classification.LabelledTexts;
import dev.heed.tasks.classification.TextVectorizer;
import dev.heed.text.CoreNlpWordTokenizer;
import dev.heed.text.WordTokenizer;
import dev.heed.text.vocab.WordVocabulary;
import dev.heed.text.vocab.WordVocabularyBuilder;
import dev.heed.text.vocab.WordVocabularyConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains a sentiment classifier from scratch: a word vocabulary from the training texts (CoreNLP's
 * normalized words), an encoder and a classification head, AdamW with linear warm-up and cosine decay,
 * gradient clipping, batches sorted by length within shuffled chunks, the dev accuracy after every epoch,
 * the best epoch's weights kept, early stopping. A fixed seed gives the same model twice. Not thread-safe.
 */
public final class SentimentTrainer {

    /** What training produced: the model (best epoch), its vocabulary, dev metrics and the per-epoch log. */
    public record Result(ClassifierBlock classifier, WordVocabulary vocabulary, ClassificationMetrics dev,
            int bestEpoch, List<String> log, double seconds) {
    }

    private final SentimentTrainingOptions options;
    private final Consumer<String> progress;

    public SentimentTrainer(SentimentTrainingOptions options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    /**
     * Trains on {@code train}, choosing the epoch by accuracy on {@code dev}, and hands the result to
     * {@code finish} while the model's arrays are still open (to write it, for example).
     */
    public <T> T train(LabelledTexts train, LabelledTexts dev, java.util.function.Function<Result, T> finish) {
        long start = System.nanoTime();
        WordTokenizer words = new CoreNlpWordTokenizer();
        WordVocabularyBuilder builder = new WordVocabularyBuilder(
                WordVocabularyConfig.of(options.minCount(), options.maxVocab()));
        List<List<String>> trainWords = new ArrayList<>();
        for (String text : train.texts()) {
            List<String> normalized = words.words(text).stream().map(t -> WordVocabulary.key(t.normalized())).toList();
            trainWords.add(normalized);
            builder.add(normalized);
        }
        WordVocabulary vocabulary = builder.build();
        TextVectorizer vectorizer = new TextVectorizer.Words(words, vocabulary);
        List<long[]> trainIds = new ArrayList<>();
        for (String text : train.texts()) {
            trainIds.add(vectorizer.vectorize(text, options.maxLength()).ids());
        }
        List<long[]> devIds = dev.texts().stream().map(t -> vectorizer.vectorize(t, options.maxLength()).ids()).toList();
        progress.accept(String.format("vocabulary %,d words; %,d training and %,d dev examples", vocabulary.size(),
                train.size(), dev.size()));

        Map<String, Object> settings = new LinkedHashMap<>(options.encoderSettings());
        settings.put("vocabSize", vocabulary.size());
        Engine.getEngine("PyTorch").setRandomSeed((int) options.seed());
        EncoderBlock encoder = Encoders.create(options.encoder(), settings);
        ClassifierBlock classifier = new ClassifierBlock(encoder, options.labels().size(), options.dropout());

        int stepsPerEpoch = (train.size() + options.batchSize() - 1) / options.batchSize();
        int totalSteps = stepsPerEpoch * options.epochs();
        int warmup = Math.max(1, (int) (totalSteps * options.warmupFraction()));
        Optimizer optimizer = Optimizer.adamW()
                .optLearningRateTracker(Tracker.warmUp().optWarmUpBeginValue(0f).optWarmUpSteps(warmup)
                        .setMainTracker(Tracker.cosine().setBaseValue(options.learningRate()).optFinalValue(0f)
                                .setMaxUpdates(totalSteps).build()).build())
                .optWeightDecays(options.weightDecay()).optClipGrad(options.clipGradient()).build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(optimizer).optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        Random shuffle = new Random(options.seed());
        List<String> log = new ArrayList<>();
        ClassificationMetrics best = null;
        int bestEpoch = 0;
        Map<String, float[]> bestWeights = new HashMap<>();
        try (Model model = Model.newInstance("sentiment")) {
            model.setBlock(classifier);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(options.batchSize(), 8), new Shape(options.batchSize(), 8));
                NDManager manager = trainer.getManager();
                for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                    long epochStart = System.nanoTime();
                    double lossSum = 0;
                    int steps = 0;
                    for (int[] batch : batches(trainIds.size(), trainIds, shuffle)) {
                        try (NDManager step = manager.newSubManager();
                                GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray[] inputs = pad(step, trainIds, batch);
                            float[] labels = new float[batch.length];
                            for (int i = 0; i < batch.length; i++) {
                                labels[i] = train.labels()[batch[i]];
                            }
                            NDList logits = trainer.forward(new NDList(inputs[0], inputs[1]));
                            NDArray loss = trainer.getLoss().evaluate(new NDList(step.create(labels)), logits);
                            float value = loss.getFloat();
                            if (!Float.isFinite(value)) {
                                throw new IllegalStateException("the training loss became " + value + " in epoch "
                                        + epoch + " after " + steps + " steps: training diverged; lower --lr (now "
                                        + options.learningRate() + ") or --clip");
                            }
                            gc.backward(loss);
                            lossSum += value;
                            steps++;
                        }
                        trainer.step();
                    }
                    ClassificationMetrics metrics = evaluate(classifier, manager, devIds, dev);
                    String line = String.format("epoch %d: train loss %.4f, dev accuracy %.4f, macro-F1 %.4f, %.0f s",
                            epoch, lossSum / steps, metrics.accuracy(), metrics.macroF1(),
                            (System.nanoTime() - epochStart) / 1e9);
                    log.add(line);
                    progress.accept(line);
                    if (best == null || metrics.accuracy() > best.accuracy()) {
                        best = metrics;
                        bestEpoch = epoch;
                        bestWeights = snapshot(classifier);
                    } else if (epoch - bestEpoch >= options.patience()) {
                        progress.accept("no better dev accuracy for " + options.patience() + " epochs: stopping");
                        break;
                    }
                }
                restore(classifier, bestWeights);
                return finish.apply(new Result(classifier, vocabulary, best, bestEpoch, log,
                        (System.nanoTime() - start) / 1e9));
            }
        }
    }

    /** Batches of example indexes: shuffled, then sorted by length within chunks of 50 batches. */
    private List<int[]> batches(int n, List<long[]> ids, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        int chunk = options.batchSize() * 50;
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < n; from += chunk) {
            List<Integer> part = new ArrayList<>(order.subList(from, Math.min(n, from + chunk)));
            part.sort(Comparator.comparingInt(i -> ids.get(i).length));
            for (int b = 0; b < part.size(); b += options.batchSize()) {
                batches.add(part.subList(b, Math.min(part.size(), b + options.batchSize())).stream()
                        .mapToInt(Integer::intValue).toArray());
            }
        }
        java.util.Collections.shuffle(batches, random);
        return batches;
    }

    static NDArray[] pad(NDManager m, List<long[]> ids, int[] batch) {
        int length = 1;
        for (int i : batch) {
            length = Math.max(length, ids.get(i).length);
        }
        long[] flat = new long[batch.length * length];
        float[] mask = new float[batch.length * length];
        for (int b = 0; b < batch.length; b++) {
            long[] row = ids.get(batch[b]);
            System.arraycopy(row, 0, flat, b * length, row.length);
            Arrays.fill(mask, b * length, b * length + row.length, 1f);
        }
        return new NDArray[] {m.create(flat, new Shape(batch.length, length)), m.create(mask, new Shape(batch.length, length))};
    }

    private ClassificationMetrics evaluate(ClassifierBlock classifier, NDManager manager, List<long[]> ids,
            LabelledTexts data) {
        int[] predicted = new int[ids.size()];
        for (int from = 0; from < ids.size(); from += 256) {
            int[] batch = new int[Math.min(256, ids.size() - from)];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = from + i;
            }
            try (NDManager step = manager.newSubManager()) {
                NDArray[] inputs = pad(step, ids, batch);
                long[] argmax = classifier.classify(new ParameterStore(step, false), inputs[0], inputs[1], false, false)
                        .logits().argMax(1).toLongArray();
                for (int i = 0; i < batch.length; i++) {
                    predicted[batch[i]] = (int) argmax[i];
                }
            }
        }
        return ClassificationMetrics.of(data.labelNames(), data.labels(), predicted);
    }

    private static Map<String, float[]> snapshot(ClassifierBlock classifier) {
        Map<String, float[]> copy = new HashMap<>();
        for (var p : classifier.getParameters()) {
            copy.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return copy;
    }

    private static void restore(ClassifierBlock classifier, Map<String, float[]> weights) {
        for (var p : classifier.getParameters()) {
            float[] values = weights.get(p.getKey());
            if (values != null) {
                p.getValue().getArray().set(java.nio.FloatBuffer.wrap(values));
            }
        }
    }
}
