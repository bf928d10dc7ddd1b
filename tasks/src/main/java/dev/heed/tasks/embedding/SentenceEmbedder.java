package dev.heed.tasks.embedding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.heed.alignment.Alignment;
import dev.heed.encoders.Capability;
import dev.heed.encoders.EncoderOutput;
import dev.heed.encoders.EncoderLoader;
import dev.heed.encoders.TextEncoder;
import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelLoadException;
import dev.heed.engine.GradientMode;
import dev.heed.models.ModelResolver;
import dev.heed.tasks.batching.TokenBudget;
import dev.heed.tasks.classification.BatchAlignments;
import dev.heed.tasks.classification.TextVectorizer;
import dev.heed.tasks.sentiment.SentimentModelWriter;
import dev.heed.text.CoreNlpWordTokenizer;
import dev.heed.text.vocab.TokenizerJsonReader;
import dev.heed.text.NoTokensException;
import dev.heed.text.SubwordTokenizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.heed.engine.EngineArrays;

/**
 * Sentence embeddings from any model whose encoder has a pooled output (all-MiniLM-L6-v2, bge-small-en-v1.5, ...):
 * subwords, the encoder, pooling, L2 normalization.
 *
 * <pre>{@code
 * try (SentenceEmbedder embedder = SentenceEmbedder.load("all-minilm-l6-v2")) {
 *     List<Embedding> vectors = embedder.embed(List.of("A man is eating food.", "A man eats."));
 * }
 * }</pre>
 *
 * <p>Thread-safe: concurrent calls share the weights. Closeable; {@link #close()} is idempotent.
 */
public final class SentenceEmbedder implements AutoCloseable {

    private final String name;
    private final TextEncoder encoder;
    private final TextVectorizer vectorizer;
    private final AutoCloseable tokenizer;
    private final int maxLength;
    private final EmbeddingOptions options;

    private SentenceEmbedder(String name, TextEncoder encoder, TextVectorizer vectorizer, AutoCloseable tokenizer,
            int maxLength, EmbeddingOptions options) {
        this.name = name;
        this.encoder = encoder;
        this.vectorizer = vectorizer;
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
        this.options = options;
    }

    private static final java.util.Set<String> TASKS_WITH_ENCODER_PREFIX = java.util.Set.of("sentiment", "translation");

    /** Loads a named model or a model directory with the default options. */
    public static SentenceEmbedder load(String nameOrPath) throws ModelLoadException {
        return load(nameOrPath, EmbeddingOptions.defaults());
    }

    /** Loads a named model or a model directory. */
    public static SentenceEmbedder load(String nameOrPath, EmbeddingOptions options) throws ModelLoadException {
        ModelDirectory model = new ModelResolver().resolve(nameOrPath);
        String tokenizerFile = model.manifest().tokenizers().get("source");
        if (tokenizerFile == null) {
            throw new ModelLoadException(model.path() + "/model.json names no source tokenizer");
        }
        Map<String, Object> overrides = options.pooling().<Map<String, Object>>map(p -> Map.of("pooling", p))
                .orElse(Map.of());
        // a task's model (sentiment, translation) keeps its encoder's weights under "encoder."; an imported
        // embedding model keeps them at the top level, as HuggingFace does
        String prefix = TASKS_WITH_ENCODER_PREFIX.contains(model.manifest().task()) ? "encoder." : "";
        TextEncoder encoder = EncoderLoader.load(model, prefix, options.device(), overrides);
        try {
            encoder.spec().require(Capability.POOLED_STATE, "sentence embeddings");
            var vectorizerSpec = Optional.ofNullable(model.manifest().components().get("vectorizer"));
            int max = encoder.block().maxLength();
            if (vectorizerSpec.isPresent() && vectorizerSpec.get().config().get("maxLength") instanceof Number n) {
                max = Math.min(max, n.intValue());
            }
            if (vectorizerSpec.isPresent() && vectorizerSpec.get().name().equals(SentimentModelWriter.WORDS)) {
                // a word-level model reads CoreNLP's normalized words, as it was trained to
                TextVectorizer words = new TextVectorizer.Words(new CoreNlpWordTokenizer(),
                        TokenizerJsonReader.wordLevel(model.resolve(tokenizerFile)));
                return new SentenceEmbedder(model.manifest().name(), encoder, words, () -> { }, max, options);
            }
            SubwordTokenizer tokenizer = SubwordTokenizer.load(model.resolve(tokenizerFile), true);
            return new SentenceEmbedder(model.manifest().name(), encoder, new TextVectorizer.Subwords(tokenizer),
                    tokenizer, max, options);
        } catch (IOException | RuntimeException e) {
            encoder.close();
            throw new ModelLoadException("cannot load " + model.path() + ": " + e.getMessage(), e);
        }
    }

    /** The embedding of one text. */
    public Embedding embed(String text) {
        return embed(List.of(text)).get(0);
    }

    /**
     * The embeddings of {@code texts}, computed in padded batches of at most {@link TokenBudget#DEFAULT_TOKENS}
     * tokens (a larger list runs as several forward passes; the vectors do not depend on how it is cut, within
     * 1e-5).
     *
     * @throws TooLongException when a text is too long and the policy is {@code reject}
     */
    public List<Embedding> embed(List<String> texts) {
        return embed(texts, false);
    }

    /**
     * As {@link #embed(List)}; {@code attention} adds each text's self-attention (every layer and head, over
     * its subwords with their spans) as an alignment, for encoders that export it.
     *
     * @throws TooLongException when a text is too long and the policy is {@code reject}
     * @throws NoTokensException naming the texts with no subword besides the special ones (only invisible or
     *     format characters): a vector of them would stand for nothing
     */
    public List<Embedding> embed(List<String> texts, boolean attention) {
        int max = maxLength;
        List<TextVectorizer.Vectorized> rows = new ArrayList<>(texts.size());
        List<Integer> empty = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            TextVectorizer.Vectorized v = vectorizer.vectorize(texts.get(i), max);   // keeps the closing special token
            if (!v.hasTokens()) {
                empty.add(i);
            }
            if (v.truncated() > 0 && options.longInput() == LongInputPolicy.REJECT) {
                // the message speaks of the text, not of its place in this call: callers report their own line or id
                throw new TooLongException("a text of " + (v.ids().length + v.truncated()) + " tokens is longer"
                        + " than the " + max + " that " + name + " takes (--long-input reject; --long-input truncate"
                        + " embeds the first " + max + ")");
            }
            rows.add(v);
        }
        if (!empty.isEmpty()) {
            throw new NoTokensException(empty, texts);
        }
        List<Embedding> out = new ArrayList<>(texts.size());
        try (GradientMode.Scope inference = GradientMode.off()) {
            for (int[] piece : TokenBudget.pieces(rows.stream().mapToInt(r -> r.ids().length).toArray(),
                    TokenBudget.DEFAULT_TOKENS)) {
                out.addAll(embedPiece(rows.subList(piece[0], piece[1]), texts.subList(piece[0], piece[1]), attention));
            }
        }
        return out;
    }

    private List<Embedding> embedPiece(List<TextVectorizer.Vectorized> rows, List<String> texts, boolean attention) {
        int length = rows.stream().mapToInt(r -> r.ids().length).max().orElse(1);
        long[] flat = new long[texts.size() * length];
        float[] mask = new float[texts.size() * length];
        for (int i = 0; i < rows.size(); i++) {
            long[] r = rows.get(i).ids();
            System.arraycopy(r, 0, flat, i * length, r.length);
            Arrays.fill(mask, i * length, i * length + r.length, 1f);
        }
        float[] pooled;
        int dim;
        Optional<BatchAlignments.SelfAttention> selfAttention;
        try (NDManager request = encoder.manager().newSubManager()) {
            NDArray ids = EngineArrays.of(request, flat, new Shape(texts.size(), length));
            NDArray m = EngineArrays.of(request, mask, new Shape(texts.size(), length));
            EncoderOutput output = encoder.encode(ids, m, attention);
            selfAttention = BatchAlignments.SelfAttention.of(output.attention());
            NDArray vectors = output.pooled().orElseThrow();
            NDArray norms = vectors.norm(new int[] {1}, true).maximum(1e-12f);
            NDArray unit = vectors.div(norms).toType(DataType.FLOAT32, false);
            dim = (int) unit.getShape().get(1);
            pooled = unit.toFloatArray();
        }
        List<Embedding> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            TextVectorizer.Vectorized v = rows.get(i);
            final int row = i;
            Optional<Alignment> alignment = selfAttention.map(a -> BatchAlignments.selfAttention(name, texts.get(row),
                    v.tokens(), v.words(), a.layers(), a.heads(), row, length));
            out.add(new Embedding(Arrays.copyOfRange(pooled, i * dim, (i + 1) * dim), v.truncated(), alignment));
        }
        return out;
    }

    /** Whether {@code embed(texts, true)} gives alignments: the encoder exports its self-attention. */
    public boolean exportsAttention() {
        return encoder.spec().has(Capability.SELF_ATTENTION_WEIGHTS);
    }

    /** Size of the vectors. */
    public int dimension() {
        return encoder.spec().pooledSize();
    }

    /** The model's name. */
    public String modelName() {
        return name;
    }

    @Override
    public void close() {
        encoder.close();
        try {
            tokenizer.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the tokenizer of " + name, e);
        }
    }
}
