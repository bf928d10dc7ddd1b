package dev.heed.tasks.sentiment;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import dev.heed.alignment.Alignment;
import dev.heed.encoders.AttentionMap;
import dev.heed.encoders.EncoderBlock;
import dev.heed.encoders.EncoderProvider;
import dev.heed.encoders.EncoderWeights;
import dev.heed.encoders.Encoders;
import dev.heed.encoders.InPlace;
import dev.heed.engine.EngineArrays;
import dev.heed.engine.GradientMode;
import dev.heed.model.ComponentSpec;
import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelLoadException;
import dev.heed.models.ModelResolver;
import dev.heed.tasks.batching.TokenBudget;
import dev.heed.tasks.classification.BatchAlignments;
import dev.heed.tasks.classification.ClassifierBlock;
import dev.heed.tasks.classification.TextVectorizer;
import dev.heed.tensor.SafeTensorsFile;
import dev.heed.text.CoreNlpWordTokenizer;
import dev.heed.text.NoTokensException;
import dev.heed.text.SubwordTokenizer;
import dev.heed.text.vocab.TokenizerJsonReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trained sentiment classifier, loaded by name or path: {@code predict(String)} and
 * {@code predict(List<String>)} give the label, its probability, every label's probability and, on request,
 * the pooling attention that decided.
 *
 * <p>Thread-safe: calls share the weights and make their own arrays. Closeable; {@link #close()} is idempotent.
 */
public final class SentimentModel implements AutoCloseable {

    private final String name;
    private final List<String> labels;
    private final ClassifierBlock classifier;
    private final NDManager manager;
    private final TextVectorizer vectorizer;
    private final int maxLength;
    private boolean closed;

    private SentimentModel(String name, List<String> labels, ClassifierBlock classifier, NDManager manager,
            TextVectorizer vectorizer, int maxLength) {
        this.name = name;
        this.labels = labels;
        this.classifier = classifier;
        this.manager = manager;
        this.vectorizer = vectorizer;
        this.maxLength = maxLength;
    }

    /** Loads a named model or a model directory onto the CPU. */
    public static SentimentModel load(String nameOrPath) throws ModelLoadException {
        return load(nameOrPath, Device.cpu());
    }

    /** Loads a named model or a model directory onto {@code device}. */
    public static SentimentModel load(String nameOrPath, Device device) throws ModelLoadException {
        ModelDirectory model = new ModelResolver().resolve(nameOrPath);
        if (!model.manifest().task().equals("sentiment")) {
            throw new ModelLoadException(model.path() + " is a " + model.manifest().task()
                    + " model, not a sentiment model");
        }
        ComponentSpec encoderSpec = model.manifest().components().get("encoder");
        ComponentSpec vectorizerSpec = model.manifest().components().get("vectorizer");
        if (encoderSpec == null || vectorizerSpec == null || !(vectorizerSpec.name().equals(SentimentModelWriter.WORDS)
                || vectorizerSpec.name().equals(SentimentModelWriter.SUBWORDS))) {
            throw new ModelLoadException(model.path() + "/model.json lacks the encoder or a vectorizer ("
                    + SentimentModelWriter.WORDS + ", " + SentimentModelWriter.SUBWORDS + ") of a sentiment model");
        }
        // The tokenizer first: it needs no libtorch, which EnginePreload may still be loading on another thread.
        Path tokenizerFile = model.resolve(model.manifest().tokenizers().get("source"));
        TextVectorizer vectorizer;
        try {
            vectorizer = vectorizerSpec.name().equals(SentimentModelWriter.WORDS)
                    ? new TextVectorizer.Words(new CoreNlpWordTokenizer(), TokenizerJsonReader.wordLevel(tokenizerFile))
                    : new TextVectorizer.Subwords(SubwordTokenizer.load(tokenizerFile, true));
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot load sentiment model " + model.path() + ": " + e.getMessage(), e);
        }
        NDManager manager = null;
        try {
            manager = NDManager.newBaseManager(device);
            EncoderProvider provider = Encoders.provider(encoderSpec.name());
            EncoderBlock encoder = provider.create(provider.parse(encoderSpec.config()));
            ClassifierBlock classifier = new ClassifierBlock(encoder, model.manifest().labels().size(), 0f);
            classifier.setInitializer(new ConstantInitializer(0f), p -> true);
            classifier.initialize(manager, DataType.FLOAT32, EncoderBlock.inputShapes(8));
            SafeTensorsFile weights = SafeTensorsFile.open(model.resolve(model.manifest().weights()));
            EncoderWeights.load(encoder, weights, "encoder.");
            for (var e : classifier.headParameters().entrySet()) {
                InPlace.overwrite(e.getValue().getArray(), weights, "head." + e.getKey());
            }
            int maxLength = ((Number) vectorizerSpec.config().getOrDefault("maxLength", 128)).intValue();
            return new SentimentModel(model.manifest().name(), model.manifest().labels(), classifier, manager,
                    vectorizer, maxLength);
        } catch (IOException | RuntimeException e) {
            if (manager != null) {
                manager.close();
            }
            if (vectorizer instanceof TextVectorizer.Subwords subwords) {
                subwords.tokenizer().close();
            }
            throw new ModelLoadException("cannot load sentiment model " + model.path() + ": " + e.getMessage(), e);
        }
    }

    /** The sentiment of one text. */
    public SentimentPrediction predict(String text) {
        return predict(List.of(text), false).get(0);
    }

    /**
     * The sentiment of each text, as one padded batch; {@code attention} adds the attention that decided: the
     * pooling weights and their alignment for encoders that pool by attention, the self-attention of every
     * layer and head (the [CLS] row among them) as an alignment for {@code bert} and {@code transformer}.
     *
     * @throws NoTokensException naming the texts in which the model finds no word (or no subword besides its
     *     special tokens): nothing to decide on
     */
    public List<SentimentPrediction> predict(List<String> texts, boolean attention) {
        try (GradientMode.Scope inference = GradientMode.off()) {
            return predictBatch(texts, attention);
        }
    }

    private List<SentimentPrediction> predictBatch(List<String> texts, boolean attention) {
        if (closed) {
            throw new IllegalStateException("this model is closed");
        }
        List<TextVectorizer.Vectorized> inputs = texts.stream().map(t -> vectorizer.vectorize(t, maxLength)).toList();
        List<Integer> empty = java.util.stream.IntStream.range(0, inputs.size()).filter(i -> !inputs.get(i).hasTokens())
                .boxed().toList();
        if (!empty.isEmpty()) {
            throw new NoTokensException(empty, texts);
        }
        List<SentimentPrediction> predictions = new ArrayList<>(texts.size());
        for (int[] piece : TokenBudget.pieces(inputs.stream().mapToInt(v -> v.ids().length).toArray(),
                TokenBudget.DEFAULT_TOKENS)) {
            predictions.addAll(predictPiece(inputs.subList(piece[0], piece[1]), texts.subList(piece[0], piece[1]),
                    attention));
        }
        return predictions;
    }

    private List<SentimentPrediction> predictPiece(List<TextVectorizer.Vectorized> inputs, List<String> texts,
            boolean attention) {
        int length = inputs.stream().mapToInt(v -> v.ids().length).max().orElse(1);
        long[] flat = new long[texts.size() * length];
        float[] mask = new float[texts.size() * length];
        for (int i = 0; i < inputs.size(); i++) {
            long[] ids = inputs.get(i).ids();
            System.arraycopy(ids, 0, flat, i * length, ids.length);
            java.util.Arrays.fill(mask, i * length, i * length + ids.length, 1f);
        }
        float[] probabilities;
        Optional<float[]> pooling = Optional.empty();
        Optional<BatchAlignments.SelfAttention> selfAttention = Optional.empty();
        try (NDManager request = manager.newSubManager()) {
            ClassifierBlock.Classified out = classifier.classify(new ParameterStore(request, false),
                    EngineArrays.of(request, flat, new Shape(texts.size(), length)),
                    EngineArrays.of(request, mask, new Shape(texts.size(), length)), false, attention);
            probabilities = out.logits().softmax(1).toFloatArray();
            selfAttention = BatchAlignments.SelfAttention.of(out.attention());
            for (AttentionMap map : out.attention()) {
                if (map.kind().equals(AttentionMap.POOLING)) {
                    pooling = Optional.of(map.weights().toFloatArray());     // (B, 1, 1, S)
                }
            }
        }
        List<SentimentPrediction> predictions = new ArrayList<>(texts.size());
        int k = labels.size();
        for (int i = 0; i < texts.size(); i++) {
            Map<String, Double> probs = new LinkedHashMap<>();
            int best = 0;
            for (int c = 0; c < k; c++) {
                probs.put(labels.get(c), (double) probabilities[i * k + c]);
                if (probabilities[i * k + c] > probabilities[i * k + best]) {
                    best = c;
                }
            }
            TextVectorizer.Vectorized v = inputs.get(i);
            final int row = i;
            Optional<float[]> weights = pooling.map(w -> java.util.Arrays.copyOfRange(w, row * length,
                    row * length + v.tokens().size()));
            Optional<Alignment> alignment = Optional.empty();
            if (pooling.isPresent()) {
                alignment = Optional.of(BatchAlignments.pooling(name, texts.get(i), v.tokens(), v.words(),
                        labels.get(best), pooling.get(), i, length));
            } else if (selfAttention.isPresent()) {
                alignment = Optional.of(BatchAlignments.selfAttention(name, texts.get(i), v.tokens(), v.words(),
                        selfAttention.get().layers(), selfAttention.get().heads(), i, length));
            }
            predictions.add(new SentimentPrediction(labels.get(best), probabilities[i * k + best], probs, v.tokens(),
                    weights, alignment, v.truncated()));
        }
        return predictions;
    }

    /**
     * Whether predictions can carry the attention that decided: the encoder pools by attention or exports
     * its self-attention.
     */
    public boolean exportsAttention() {
        var spec = classifier.encoder().spec();
        return spec.has(dev.heed.encoders.Capability.POOLING_ATTENTION_WEIGHTS)
                || spec.has(dev.heed.encoders.Capability.SELF_ATTENTION_WEIGHTS);
    }

    /**
     * Whether predictions with attention carry per-token pooling weights ({@link SentimentPrediction}'s tokens):
     * the encoder pools by attention ({@code textcnn} or {@code bigru} with {@code attentionPooling}).
     */
    public boolean poolsByAttention() {
        return classifier.encoder().spec().has(dev.heed.encoders.Capability.POOLING_ATTENTION_WEIGHTS);
    }

    /** The name of the model's encoder, as {@code model.json} gives it. */
    public String encoderName() {
        return classifier.encoder().spec().name();
    }

    /** Class names by index. */
    public List<String> labels() {
        return labels;
    }

    /** The model's name. */
    public String name() {
        return name;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
            if (vectorizer instanceof TextVectorizer.Subwords s) {
                s.tokenizer().close();
            }
        }
    }
}
