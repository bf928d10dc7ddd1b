package dev.heed.tasks.sentiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.initializer.NormalInitializer;
import dev.heed.alignment.Alignment;
import dev.heed.alignment.AlignmentKind;
import dev.heed.encoders.EncoderBlock;
import dev.heed.encoders.EncoderWeights;
import dev.heed.encoders.Encoders;
import dev.heed.engine.HeedVersion;
import dev.heed.model.ComponentSpec;
import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelManifest;
import dev.heed.model.Provenance;
import dev.heed.tasks.classification.LabelledTexts;
import dev.heed.tensor.DType;
import dev.heed.tensor.SafeTensorsFile;
import dev.heed.tensor.SafeTensorsWriter;
import dev.heed.text.vocab.TokenizerJsonWriter;
import dev.heed.text.vocab.WordVocabulary;
import dev.heed.text.vocab.WordVocabularyBuilder;
import dev.heed.text.vocab.WordVocabularyConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fine-tuning a pretrained encoder and distilling from a teacher, on a synthetic task made here (a text is
 * positive when it holds a "good" word) with a tiny BERT "pretrained" by writing random weights as a model
 * directory: training starts from those weights, the written model reads subwords through the pretrained
 * tokenizer, and a word-level student distilled from it with augmented texts learns the task.
 */
class SentimentFineTuningTest {

    static final String[] GOOD = {"good", "great", "lovely", "superb"};
    static final String[] BAD = {"bad", "awful", "dull", "poor"};
    static final String[] FILLER = {"the", "film", "was", "a", "plot", "and", "it", "very", "actors", "story"};
    static final Map<String, Object> TINY_BERT = Map.of("vocabSize", 32, "hiddenSize", 16, "layers", 1, "heads", 2,
            "intermediateSize", 32, "maxPositions", 32, "dropout", 0.0);

    @TempDir
    static Path dir;

    static Path pretrained;

    static LabelledTexts data(int n, long seed) {
        Random r = new Random(seed);
        List<String> texts = new ArrayList<>();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            boolean positive = r.nextBoolean();
            List<String> words = new ArrayList<>();
            for (int k = 0; k < 2 + r.nextInt(5); k++) {
                words.add(FILLER[r.nextInt(FILLER.length)]);
            }
            words.add(r.nextInt(words.size() + 1), positive ? GOOD[r.nextInt(4)] : BAD[r.nextInt(4)]);
            texts.add(String.join(" ", words));
            labels[i] = positive ? 1 : 0;
        }
        return new LabelledTexts(texts, labels, LabelledTexts.BINARY);
    }

    /**
     * A tiny BERT with random weights and a word-level tokenizer, sealed as a pretrained model directory. The
     * engine is seeded first: the weights must not depend on how much randomness the test classes that ran
     * before this one in the same JVM used (that order is the file system's), or the models trained from them
     * differ from run to run.
     */
    @BeforeAll
    static void writePretrained() throws Exception {
        ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed(11);
        pretrained = dir.resolve("tiny-bert");
        Files.createDirectories(pretrained);
        WordVocabularyBuilder words = new WordVocabularyBuilder(new WordVocabularyConfig(1, 100,
                List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"), "[UNK]"));
        for (String[] group : new String[][] {GOOD, BAD, FILLER}) {
            words.add(List.of(group));
        }
        WordVocabulary vocabulary = words.build();
        TokenizerJsonWriter.writeWordLevel(vocabulary, true, pretrained.resolve("tokenizer.json"));
        EncoderBlock bert = Encoders.create("bert", TINY_BERT);
        try (NDManager manager = NDManager.newBaseManager()) {
            bert.setInitializer(new NormalInitializer(0.2f), p -> true);
            bert.initialize(manager, DataType.FLOAT32, EncoderBlock.inputShapes(8));
            SafeTensorsWriter weights = new SafeTensorsWriter();
            EncoderWeights.save(bert, weights, "");
            weights.write(pretrained.resolve("model.safetensors"));
        }
        ModelDirectory.seal(pretrained, new ModelManifest(ModelManifest.FORMAT_VERSION, "tiny-bert", "embedding",
                "test encoder", List.of(), Map.of("source", "tokenizer.json"),
                Map.of("encoder", new ComponentSpec("bert", TINY_BERT)), "model.safetensors", Map.of(), Map.of(),
                new Provenance(HeedVersion.heed(), "unknown", 0, "none", HeedVersion.djl(), HeedVersion.libtorch(), 0,
                        "test", "2026-01-01T00:00:00Z")), List.of("model.safetensors", "tokenizer.json"));
    }

    static SentimentTrainingOptions options(Optional<String> encoder, Map<String, String> settings, float lr,
            int epochs, Optional<String> init, Optional<String> teacher, int augment) {
        return new SentimentTrainingOptions(encoder, settings, LabelledTexts.BINARY, epochs, 16, lr, 0.1f, 0f, 5f,
                0.1f, 7, 3, 64, 1, 1000, init, teacher, augment, Optional.empty(), teacher.map(t -> dir.resolve("teacher-labels.tsv")));
    }

    static Path train(SentimentTrainingOptions options, String name) throws Exception {
        Path out = dir.resolve(name);
        Path trainFile = dir.resolve("train-fingerprint.txt");
        Files.writeString(trainFile, "synthetic");
        double accuracy = new SentimentTrainer(options, line -> { }).train(data(400, 1), data(100, 2), result -> {
            try {
                SentimentModelWriter.write(result, options, name, "test", trainFile, out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return result.dev().accuracy();
        });
        assertTrue(accuracy >= 0, "trained");
        return out;
    }

    @Test
    void fineTuningStartsFromThePretrainedWeights() throws Exception {
        // A learning rate too small to move anything: the trained encoder must be the pretrained one.
        Path still = train(options(Optional.empty(), Map.of(), 1e-12f, 1, Optional.of(pretrained.toString()),
                Optional.empty(), 0), "still");
        SafeTensorsFile before = SafeTensorsFile.open(pretrained.resolve("model.safetensors"));
        SafeTensorsFile after = SafeTensorsFile.open(still.resolve("weights.safetensors"));
        for (String name : before.tensors().keySet()) {
            assertArrayEquals(before.floats(name), after.floats("encoder." + name), 1e-6f, name);
        }
        assertEquals(Files.readString(pretrained.resolve("tokenizer.json")), Files.readString(still.resolve("tokenizer.json")));
    }

    @Test
    void aFineTunedModelLearnsTheTaskAndReadsSubwords() throws Exception {
        Path tuned = train(options(Optional.empty(), Map.of(), 0.003f, 6, Optional.of(pretrained.toString()),
                Optional.empty(), 0), "tuned");
        try (SentimentModel model = SentimentModel.load(tuned.toString())) {
            assertEquals("positive", model.predict("the plot was superb").label());
            assertEquals("negative", model.predict("a dull story").label());
        }
        try (SentimentModel model = SentimentModel.load(tuned.toString())) {
            assertTrue(model.exportsAttention());
            List<SentimentPrediction> batch = model.predict(List.of("the plot was superb", "dull"), true);
            Alignment a = batch.get(0).alignment().orElseThrow();
            assertEquals(AlignmentKind.SELF_ATTENTION, a.kind());
            assertEquals(1, a.layers());
            assertEquals(2, a.heads());
            assertEquals(List.of("the", "plot", "was", "superb"), a.sourceTokens().stream().map(t -> t.text()).toList());
            assertEquals(List.of(0, 1, 2, 3), a.sourceTokens().stream().map(t -> t.word()).toList());
            for (int h = 0; h < 2; h++) {
                for (int t = 0; t < 4; t++) {
                    float sum = 0;
                    for (int k = 0; k < 4; k++) {
                        sum += a.weight(0, h, t, k);
                    }
                    assertEquals(1f, sum, 1e-4f, "each row of the record's own tokens sums to 1");
                }
            }
            Alignment padded = batch.get(1).alignment().orElseThrow();
            assertEquals(1, padded.columns(), "the shorter record's alignment is cut to its own token");
            assertEquals(1f, padded.weight(0, 1, 0, 0), 1e-5f, "padding got no weight");
        }
        String card = Files.readString(tuned.resolve("README.md"));
        assertTrue(card.contains("fine-tuned from the pretrained " + pretrained), card);
        ModelManifest manifest = ModelDirectory.open(tuned).manifest();
        assertTrue(manifest.metrics().get("accuracy") >= 0.9, manifest.metrics().toString());
        assertEquals(SentimentModelWriter.SUBWORDS, manifest.components().get("vectorizer").name());
        assertEquals("bert", manifest.components().get("encoder").name());
    }

    @Test
    void aStudentDistilledWithAugmentedTextsLearnsTheTask() throws Exception {
        Path teacher = train(options(Optional.empty(), Map.of(), 0.003f, 6, Optional.of(pretrained.toString()),
                Optional.empty(), 0), "teacher");
        Path student = train(options(Optional.of("bigru"), Map.of("embeddingDim", "16", "hiddenSize", "16",
                "attentionDim", "8"), 0.01f, 4, Optional.empty(), Optional.of(teacher.toString()), 2), "student");
        String card = Files.readString(student.resolve("README.md"));
        assertTrue(card.contains("distilled from " + teacher + " over the training texts and 2 augmented"), card);
        List<String> cache = Files.readAllLines(dir.resolve("teacher-labels.tsv"));
        assertEquals(1 + 400 * 3, cache.size(), "a fingerprint line and the labels of 400 texts and 800 variants");
        // A second student over the same texts reads the cache: tamper with it and the student learns the tampering.
        List<String> flipped = new ArrayList<>(cache.subList(0, 1));
        for (String line : cache.subList(1, cache.size())) {
            String[] p = line.split("\t");
            flipped.add(p[1] + "\t" + p[0]);
        }
        Files.write(dir.resolve("teacher-labels.tsv"), flipped);
        Path contrary = train(options(Optional.of("bigru"), Map.of("embeddingDim", "16", "hiddenSize", "16",
                "attentionDim", "8"), 0.01f, 4, Optional.empty(), Optional.of(teacher.toString()), 2), "contrary");
        assertTrue(ModelDirectory.open(contrary).manifest().metrics().get("accuracy") <= 0.1,
                "trained on the cached (flipped) labels, not on new ones from the teacher");
        assertTrue(ModelDirectory.open(student).manifest().metrics().get("accuracy") >= 0.9, card);
    }

    @Test
    void halfPrecisionWeightsHalveTheFileAndKeepThePredictions() throws Exception {
        SentimentTrainingOptions options = options(Optional.of("textcnn"), Map.of("embeddingDim", "16", "maps", "8"),
                0.01f, 3, Optional.empty(), Optional.empty(), 0);
        Path full = dir.resolve("f32");
        Path half = dir.resolve("f16");
        new SentimentTrainer(options, line -> { }).train(data(400, 1), data(100, 2), result -> {
            try {
                SentimentModelWriter.write(result, options, "f32", "test", pretrained.resolve("tokenizer.json"), full);
                SentimentModelWriter.write(result, options, "f16", "test", pretrained.resolve("tokenizer.json"), half,
                        DType.F16);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        SafeTensorsFile halfWeights = SafeTensorsFile.open(half.resolve("weights.safetensors"));
        assertEquals(DType.F16, halfWeights.info("encoder.01embedding_weight").dtype());
        assertTrue(Files.size(half.resolve("weights.safetensors")) < 0.6 * Files.size(full.resolve("weights.safetensors")));
        List<String> texts = data(50, 3).texts();
        try (SentimentModel a = SentimentModel.load(full.toString()); SentimentModel b = SentimentModel.load(half.toString())) {
            List<SentimentPrediction> pa = a.predict(texts, false);
            List<SentimentPrediction> pb = b.predict(texts, false);
            for (int i = 0; i < texts.size(); i++) {
                assertEquals(pa.get(i).label(), pb.get(i).label(), texts.get(i));
                assertEquals(pa.get(i).score(), pb.get(i).score(), 1e-2, texts.get(i));
            }
        }
    }

    @Test
    void aWordLevelStudentCanStartFromThePretrainedInputEmbeddings() throws Exception {
        SentimentTrainingOptions options = new SentimentTrainingOptions(Optional.of("textcnn"), Map.of("embeddingDim",
                "16", "maps", "4"), LabelledTexts.BINARY, 1, 16, 1e-12f, 0.1f, 0f, 5f, 0.1f, 7, 3, 64, 1, 1000,
                Optional.empty(), Optional.empty(), 0, Optional.of(pretrained.toString()), Optional.empty());
        Path student = train(options, "vectors");
        WordVocabulary studentWords = dev.heed.text.vocab.TokenizerJsonReader.wordLevel(student.resolve("tokenizer.json"));
        WordVocabulary bertWords = dev.heed.text.vocab.TokenizerJsonReader.wordLevel(pretrained.resolve("tokenizer.json"));
        float[] table = SafeTensorsFile.open(pretrained.resolve("model.safetensors"))
                .floats(PretrainedEmbeddings.TABLE);
        float[] studentTable = SafeTensorsFile.open(student.resolve("weights.safetensors")).floats("encoder.01embedding_weight");
        for (String word : List.of("good", "dull", "film")) {
            int s = studentWords.id(word);
            int b = bertWords.id(word);
            assertArrayEquals(java.util.Arrays.copyOfRange(table, b * 16, b * 16 + 16),
                    java.util.Arrays.copyOfRange(studentTable, s * 16, s * 16 + 16), 1e-6f, word);
        }
        assertTrue(Files.readString(student.resolve("README.md")).contains("with word vectors from " + pretrained));
    }

    @Test
    void aSmallerStudentGetsThePrincipalComponentsOfThePretrainedVectors() throws Exception {
        SentimentTrainingOptions options = new SentimentTrainingOptions(Optional.of("bigru"), Map.of("embeddingDim",
                "6", "hiddenSize", "4"), LabelledTexts.BINARY, 1, 16, 1e-12f, 0.1f, 0f, 5f, 0.1f, 7, 3, 64, 1, 1000,
                Optional.empty(), Optional.empty(), 0, Optional.of(pretrained.toString()), Optional.empty());
        Path student = train(options, "vectors-pca");
        WordVocabulary studentWords = dev.heed.text.vocab.TokenizerJsonReader.wordLevel(student.resolve("tokenizer.json"));
        WordVocabulary bertWords = dev.heed.text.vocab.TokenizerJsonReader.wordLevel(pretrained.resolve("tokenizer.json"));
        float[] table = SafeTensorsFile.open(pretrained.resolve("model.safetensors")).floats(PretrainedEmbeddings.TABLE);
        float[] studentTable = SafeTensorsFile.open(student.resolve("weights.safetensors"))
                .floats("encoder.01embedding_weight");
        List<String> words = List.of("good", "dull", "film", "great", "awful");
        List<double[]> original = new ArrayList<>();
        for (String word : words) {
            int b = bertWords.id(word);
            double[] v = new double[16];
            for (int d = 0; d < 16; d++) {
                v[d] = table[b * 16 + d];
            }
            original.add(v);
        }
        // Differences between words survive a projection onto orthonormal components: never longer than before.
        for (int i = 0; i < words.size(); i++) {
            for (int j = i + 1; j < words.size(); j++) {
                int a = studentWords.id(words.get(i));
                int b = studentWords.id(words.get(j));
                double projected = 0;
                for (int d = 0; d < 6; d++) {
                    double diff = studentTable[a * 6 + d] - studentTable[b * 6 + d];
                    projected += diff * diff;
                }
                double full = 0;
                for (int d = 0; d < 16; d++) {
                    double diff = original.get(i)[d] - original.get(j)[d];
                    full += diff * diff;
                }
                assertTrue(projected <= full * (1 + 1e-5) + 1e-9, words.get(i) + "-" + words.get(j));
                assertTrue(projected > 0, "distinct words stay distinct");
            }
        }
        assertTrue(Files.readString(student.resolve("README.md")).contains("PCA: their first 6 of 16 dimensions"),
                "the card says the vectors were reduced");
    }

    @Test
    void principalComponentsComeLargestVarianceFirstUncorrelatedAndCentred() {
        java.util.Random random = new java.util.Random(3);
        // Variances 9, 4, 1, 0.01 along four orthonormal directions of a rotated 4-d space.
        double[][] basis = {{0.5, 0.5, 0.5, 0.5}, {0.5, -0.5, 0.5, -0.5}, {0.5, 0.5, -0.5, -0.5},
                {0.5, -0.5, -0.5, 0.5}};
        double[] scales = {3, 2, 1, 0.1};
        List<double[]> vectors = new ArrayList<>();
        for (int n = 0; n < 2000; n++) {
            double[] v = {10, -5, 2, 0};
            for (int c = 0; c < 4; c++) {
                double z = random.nextGaussian() * scales[c];
                for (int d = 0; d < 4; d++) {
                    v[d] += z * basis[c][d];
                }
            }
            vectors.add(v);
        }
        List<double[]> all = PretrainedEmbeddings.principalComponents(vectors, 4);
        List<double[]> two = PretrainedEmbeddings.principalComponents(vectors, 2);
        double[] variance = new double[4];
        double[] mean = new double[4];
        double covariance01 = 0;
        for (double[] row : all) {
            for (int c = 0; c < 4; c++) {
                mean[c] += row[c] / all.size();
                variance[c] += row[c] * row[c] / (all.size() - 1);
            }
            covariance01 += row[0] * row[1] / (all.size() - 1);
        }
        for (int c = 0; c < 4; c++) {
            assertEquals(0, mean[c], 1e-9, "centred");
            assertEquals(scales[c] * scales[c], variance[c], 0.1 * scales[c] * scales[c], "component " + c);
        }
        assertEquals(0, covariance01, 1e-9, "uncorrelated");
        for (int i = 0; i < all.size(); i++) {
            assertEquals(Math.abs(all.get(i)[0]), Math.abs(two.get(i)[0]), 1e-9);
            assertEquals(Math.abs(all.get(i)[1]), Math.abs(two.get(i)[1]), 1e-9);
        }
        assertThrows(IllegalArgumentException.class, () -> PretrainedEmbeddings.principalComponents(vectors, 5));
        assertThrows(IllegalArgumentException.class,
                () -> PretrainedEmbeddings.principalComponents(List.of(new double[] {1, 2}), 1));
    }

    @Test
    void badCombinationsAreRefusedWithTheFix() {
        assertThrows(IllegalArgumentException.class, () -> options(Optional.empty(), Map.of(), 0.01f, 1,
                Optional.empty(), Optional.empty(), 0), "no encoder and nothing to fine-tune");
        assertThrows(IllegalArgumentException.class, () -> options(Optional.of("bigru"), Map.of(), 0.01f, 1,
                Optional.empty(), Optional.empty(), 2), "augmenting without a teacher");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> train(options(
                Optional.of("textcnn"), Map.of(), 0.01f, 1, Optional.of(pretrained.toString()), Optional.empty(), 0),
                "mismatch"));
        assertTrue(e.getMessage().contains("is a bert model"), e.getMessage());
    }
}
