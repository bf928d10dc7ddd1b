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
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.heed.encoders.EncoderWeights;
import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelLoadException;
import dev.heed.tasks.classification.ClassificationMetrics;
import dev.heed.tasks.classification.ClassifierBlock;
import dev.heed.tasks.classification.LabelledTexts;
import dev.heed.tasks.classification.TextVectorizer;
import dev.heed.tasks.training.FiniteGradients;
import dev.heed.tasks.training.GradientValues;
import dev.heed.tasks.training.SkippedBatches;
import dev.heed.tasks.training.WeightSnapshots;
import dev.heed.tensor.SafeTensorsFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import dev.heed.engine.EngineArrays;

/**
 * Trains a sentiment classifier: from scratch (a word vocabulary from the training texts, CoreNLP's
 * normalized words) or fine-tuning a pretrained encoder (its subword tokenizer and weights), with a
 * classification head; AdamW with linear warm-up and cosine decay, gradient clipping, batches sorted by length
 * within shuffled chunks, the dev accuracy after every epoch, the best epoch's weights kept, early stopping.
 * With a teacher, the targets are the teacher's probabilities (distillation, Hinton et al. 2015) over the
 * training texts and over augmented variants of them (Tang et al. 2019); without, the gold labels. A fixed
 * seed gives the same model twice. Not thread-safe.
 */
public final class SentimentTrainer {

    /** What training produced: the model (best epoch), its vectorizer, dev metrics and the per-epoch log. */
    public record Result(ClassifierBlock classifier, TextVectorizer vectorizer, ClassificationMetrics dev,
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
     *
     * @throws ModelLoadException when the pretrained model or the teacher cannot be loaded
     */
    public <T> T train(LabelledTexts train, LabelledTexts dev, Function<Result, T> finish) throws ModelLoadException {
        long start = System.nanoTime();
        TrainingStart begin = TrainingStart.of(train, options);
        progress.accept(begin.summary());
        TextVectorizer vectorizer = begin.vectorizer();
        TrainingSet examples = TrainingSet.of(train, vectorizer, options, progress);
        List<long[]> devIds = dev.texts().stream().map(t -> vectorizer.vectorize(t, options.maxLength()).ids()).toList();
        progress.accept(String.format("%,d training examples (%,d texts%s), %,d dev examples", examples.size(),
                train.size(), options.teacher().map(t -> ", targets from teacher " + t).orElse(""), dev.size()));

        Engine.getEngine("PyTorch").setRandomSeed((int) options.seed());
        ClassifierBlock classifier = new ClassifierBlock(begin.encoder(), options.labels().size(), options.dropout());
        int stepsPerEpoch = (examples.size() + options.batchSize() - 1) / options.batchSize();
        int totalSteps = stepsPerEpoch * options.epochs();
        int warmup = Math.max(1, (int) (totalSteps * options.warmupFraction()));
        Optimizer optimizer = Optimizer.adamW()
                .optLearningRateTracker(Tracker.warmUp().optWarmUpBeginValue(0f).optWarmUpSteps(warmup)
                        .setMainTracker(Tracker.cosine().setBaseValue(options.learningRate()).optFinalValue(0f)
                                .setMaxUpdates(totalSteps).build()).build())
                .optWeightDecays(options.weightDecay()).build();     // clipped below: DJL's optClipGrad is one-sided
        // Targets are distributions (one-hot for gold labels): cross-entropy against soft labels.
        DefaultTrainingConfig config = new DefaultTrainingConfig(new SoftmaxCrossEntropyLoss("cross-entropy", 1, -1,
                false, true)).optOptimizer(optimizer).optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        Random shuffle = new Random(options.seed());
        List<String> log = new ArrayList<>();
        ClassificationMetrics best = null;
        int bestEpoch = 0;
        Map<String, float[]> bestWeights = new HashMap<>();
        try (Model model = Model.newInstance("sentiment"); AutoCloseable tokenizer = closer(vectorizer)) {
            model.setBlock(classifier);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(options.batchSize(), 8), new Shape(options.batchSize(), 8));
                if (options.embeddings().isPresent()) {
                    if (!(vectorizer instanceof TextVectorizer.Words words)) {
                        throw new IllegalArgumentException("--init-embeddings is for word-level students trained"
                                + " from scratch; a fine-tuned model brings its own");
                    }
                    PretrainedEmbeddings.Copied set = PretrainedEmbeddings.copy(options.embeddings().get(),
                            words.vocabulary(), begin.encoder().tokenEmbedding().orElseThrow(() ->
                                    new IllegalArgumentException("the " + begin.encoder().spec().name()
                                            + " encoder has no token embeddings")));
                    String line = set.describe(options.embeddings().get());
                    log.add(line);
                    progress.accept(line);
                }
                if (begin.pretrained().isPresent()) {
                    ModelDirectory pretrained = begin.pretrained().get();
                    EncoderWeights.load(begin.encoder(), SafeTensorsFile.open(pretrained.resolve(
                            pretrained.manifest().weights())), "");
                }
                NDManager manager = trainer.getManager();
                int k = options.labels().size();
                SkippedBatches skipped = new SkippedBatches(progress,
                        "lower --lr (now " + options.learningRate() + ") or --clip");
                for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                    long epochStart = System.nanoTime();
                    double lossSum = 0;
                    int steps = 0;
                    for (int[] batch : batches(examples.ids(), shuffle)) {
                        boolean finite;
                        String skippedWhy = "";
                        try (NDManager step = manager.newSubManager();
                                GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray[] inputs = pad(step, examples.ids(), batch);
                            float[] targets = new float[batch.length * k];
                            for (int i = 0; i < batch.length; i++) {
                                System.arraycopy(examples.targets().get(batch[i]), 0, targets, i * k, k);
                            }
                            NDList logits = trainer.forward(new NDList(inputs[0], inputs[1]));
                            NDArray loss = trainer.getLoss().evaluate(
                                    new NDList(EngineArrays.of(step, targets, new Shape(batch.length, k))), logits);
                            float value = loss.getFloat();
                            finite = Float.isFinite(value);
                            List<String> nonFinite = List.of();
                            if (finite) {
                                gc.backward(loss);
                                nonFinite = FiniteGradients.nonFinite(classifier);
                                finite = nonFinite.isEmpty();
                            }
                            if (!finite) {
                                skippedWhy = SkippedBatches.describe(value, nonFinite, new int[0]);
                            }
                            if (finite) {
                                GradientValues.clip(classifier, options.clipGradient());
                            }
                            if (finite) {
                                lossSum += value;
                                steps++;
                            }
                        }
                        if (finite) {
                            trainer.step();
                        } else {
                            skipped.skip(epoch, steps, skippedWhy);
                        }
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
                        bestWeights = WeightSnapshots.snapshot(classifier);
                    } else if (epoch - bestEpoch >= options.patience()) {
                        progress.accept("no better dev accuracy for " + options.patience() + " epochs: stopping");
                        break;
                    }
                }
                WeightSnapshots.restore(classifier, bestWeights);
                return finish.apply(new Result(classifier, vectorizer, best, bestEpoch, log,
                        (System.nanoTime() - start) / 1e9));
            }
        } catch (java.io.IOException e) {
            throw new ModelLoadException("cannot load the pretrained weights: " + e.getMessage(), e);
        } catch (ModelLoadException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static AutoCloseable closer(TextVectorizer vectorizer) {
        return vectorizer instanceof TextVectorizer.Subwords s ? s.tokenizer() : () -> { };
    }

    /** Batches of example indexes: shuffled, then sorted by length within chunks of 50 batches. */
    private List<int[]> batches(List<long[]> ids, Random random) {
        int n = ids.size();
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
        return new NDArray[] {EngineArrays.of(m, flat, new Shape(batch.length, length)), EngineArrays.of(m, mask, new Shape(batch.length, length))};
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


}
