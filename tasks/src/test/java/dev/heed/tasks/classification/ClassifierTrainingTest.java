package dev.heed.tasks.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.heed.encoders.Encoders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The training path end to end on a synthetic task made in code (a text is positive when it holds more
 * "good"-words than "bad"-words): gradients reach every encoder through the classification head, the
 * loss falls, held-out accuracy is high, and a fixed seed gives the same run twice.
 */
class ClassifierTrainingTest {

    static final String[] GOOD = {"good", "great", "fine", "lovely"};
    static final String[] BAD = {"bad", "awful", "poor", "dull"};
    static final String[] FILLER = {"the", "film", "was", "a", "plot", "and", "it", "very"};
    static final int VOCAB = GOOD.length + BAD.length + FILLER.length + 2;

    record Batch(long[] ids, float[] mask, float[] labels, int length) {
    }

    static List<Batch> data(int batches, long seed) {
        Random r = new Random(seed);
        List<Batch> out = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            int size = 16;
            int length = 8;
            long[] ids = new long[size * length];
            float[] mask = new float[size * length];
            float[] labels = new float[size];
            for (int i = 0; i < size; i++) {
                int len = 3 + r.nextInt(length - 2);
                boolean positive = r.nextBoolean();
                labels[i] = positive ? 1 : 0;
                for (int t = 0; t < len; t++) {
                    int id;
                    if (t == 0) {
                        id = 2 + (positive ? r.nextInt(GOOD.length) : GOOD.length + r.nextInt(BAD.length));
                    } else {
                        id = 2 + GOOD.length + BAD.length + r.nextInt(FILLER.length);
                    }
                    ids[i * length + t] = id;
                    mask[i * length + t] = 1;
                }
                // shuffle the sentiment word into the sentence
                int swap = r.nextInt(len);
                long tmp = ids[i * length];
                ids[i * length] = ids[i * length + swap];
                ids[i * length + swap] = tmp;
            }
            out.add(new Batch(ids, mask, labels, length));
        }
        return out;
    }

    static float[] train(String encoder, Map<String, Object> config) {
        return train(encoder, config, 0.01f);
    }

    static float[] train(String encoder, Map<String, Object> config, float learningRate) {
        Engine.getEngine("PyTorch").setRandomSeed(42);
        ClassifierBlock classifier = new ClassifierBlock(Encoders.create(encoder, config), 2, 0.1f);
        List<Float> losses = new ArrayList<>();
        try (Model model = Model.newInstance("test")) {
            model.setBlock(classifier);
            Optimizer adam = Optimizer.adamW().optLearningRateTracker(Tracker.warmUp()
                    .optWarmUpBeginValue(0f).optWarmUpSteps(10).setMainTracker(Tracker.fixed(learningRate)).build())
                    .optClipGrad(1f).build();
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(adam).optInitializer(new XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(new Shape(16, 8), new Shape(16, 8));
                NDManager m = trainer.getManager();
                for (int epoch = 0; epoch < 6; epoch++) {
                    for (Batch batch : data(20, 7)) {
                        try (NDManager step = m.newSubManager(); GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray ids = step.create(batch.ids(), new Shape(16, batch.length()));
                            NDArray mask = step.create(batch.mask(), new Shape(16, batch.length()));
                            NDList logits = trainer.forward(new NDList(ids, mask));
                            NDArray loss = trainer.getLoss().evaluate(new NDList(step.create(batch.labels())), logits);
                            gc.backward(loss);
                            losses.add(loss.getFloat());
                        }
                        trainer.step();
                    }
                }
                int right = 0;
                int total = 0;
                for (Batch batch : data(10, 99)) {
                    try (NDManager step = m.newSubManager()) {
                        NDArray logits = classifier.classify(new ai.djl.training.ParameterStore(step, false),
                                step.create(batch.ids(), new Shape(16, batch.length())),
                                step.create(batch.mask(), new Shape(16, batch.length())), false, false).logits();
                        long[] predicted = logits.argMax(1).toLongArray();
                        for (int i = 0; i < 16; i++) {
                            right += predicted[i] == (long) batch.labels()[i] ? 1 : 0;
                            total++;
                        }
                    }
                }
                float first = (losses.get(0) + losses.get(1) + losses.get(2)) / 3;
                float last = (losses.get(losses.size() - 1) + losses.get(losses.size() - 2)) / 2;
                return new float[] {first, last, (float) right / total};
            }
        }
    }

    @Test
    void textcnnLearnsTheTaskAndAFixedSeedRepeatsTheRun() {
        Map<String, Object> config = Map.of("vocabSize", VOCAB, "embeddingDim", 16, "maps", 8, "dropout", 0.1);
        float[] run = train("textcnn", config);
        assertTrue(run[1] < run[0] / 4, "loss fell from " + run[0] + " to " + run[1]);
        assertTrue(run[2] >= 0.95, "held-out accuracy " + run[2]);
        assertArrayEquals(run, train("textcnn", config), "same seed, identical run");
    }

    @Test
    void everyEncoderTrainsThroughTheHead() {
        // Transformers train at a lower rate: at 0.01 one of them diverged to NaN in one CI run of many.
        Map<String, Float> rates = Map.of("bigru", 0.01f, "transformer", 0.003f, "bert", 0.003f);
        Map<String, Map<String, Object>> tiny = new java.util.TreeMap<>(Map.of(
                "bigru", Map.of("vocabSize", VOCAB, "embeddingDim", 16, "hiddenSize", 16, "attentionDim", 8),
                "transformer", Map.of("vocabSize", VOCAB, "dim", 16, "layers", 1, "heads", 2, "ffnDim", 32,
                        "maxLength", 16, "dropout", 0.0),
                "bert", Map.of("vocabSize", VOCAB, "hiddenSize", 16, "layers", 1, "heads", 2, "intermediateSize", 32,
                        "maxPositions", 16, "dropout", 0.0)));
        for (Map.Entry<String, Map<String, Object>> e : tiny.entrySet()) {
            float[] run = train(e.getKey(), e.getValue(), rates.get(e.getKey()));
            assertTrue(run[2] >= 0.9, e.getKey() + " held-out accuracy " + run[2] + ", loss " + run[0] + " -> " + run[1]);
        }
    }

    @Test
    void anEncoderWithoutPooledOutputIsRefusedWhenTheHeadIsBuilt() {
        assertEquals(2, new ClassifierBlock(Encoders.create("textcnn", Map.of("vocabSize", 10)), 2, 0f)
                .getOutputShapes(new Shape[] {new Shape(4, 3)})[0].get(1));
        assertThrows(IllegalArgumentException.class,
                () -> new ClassifierBlock(Encoders.create("textcnn", Map.of("vocabSize", 10)), 1, 0f));
    }
}
