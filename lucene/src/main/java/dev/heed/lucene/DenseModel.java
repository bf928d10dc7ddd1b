package dev.heed.lucene;

import dev.heed.model.ComponentSpec;
import dev.heed.model.ModelLoadException;
import dev.heed.models.ModelResolver;
import dev.heed.tasks.embedding.Embedding;
import dev.heed.tasks.embedding.EmbeddingOptions;
import dev.heed.tasks.embedding.SentenceEmbedder;
import java.util.List;
import java.util.Objects;

/**
 * A Heed embedding model as the index sees it: the {@link SentenceEmbedder} (L2-normalized vectors, long texts
 * cut to the model's first 512 tokens and counted) with the name, dimension and pooling that
 * {@link IndexedModel} records. Thread-safe (the embedder is); closes the embedder.
 */
public final class DenseModel implements AutoCloseable {

    private final SentenceEmbedder embedder;
    private final String pooling;

    /** Wraps {@code embedder}, whose vectors come from {@code pooling}; takes ownership of it. */
    public DenseModel(SentenceEmbedder embedder, String pooling) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.pooling = Objects.requireNonNull(pooling, "pooling");
    }

    /**
     * Loads a named model ({@code bge-small-en-v1.5}, {@code all-minilm-l6-v2}) or a model directory.
     *
     * @throws ModelLoadException when the model is missing, damaged or has no pooled output
     */
    public static DenseModel load(String nameOrPath, EmbeddingOptions options) throws ModelLoadException {
        ComponentSpec encoder = new ModelResolver().resolve(nameOrPath).manifest().components().get("encoder");
        Object pooling = encoder == null ? null : encoder.config().get("pooling");
        String effective = options.pooling().orElse(pooling == null ? "default" : pooling.toString());
        return new DenseModel(SentenceEmbedder.load(nameOrPath, options), effective);
    }

    /** The model's name. */
    public String name() {
        return embedder.modelName();
    }

    /** The vectors' size. */
    public int dimension() {
        return embedder.dimension();
    }

    /** The pooling that makes one vector of the token states. */
    public String pooling() {
        return pooling;
    }

    /** The embedder, for callers that embed by themselves. */
    public SentenceEmbedder embedder() {
        return embedder;
    }

    /**
     * Unit vectors of {@code texts}, one padded batch; each says how many tokens were cut.
     *
     * @throws dev.heed.text.NoTokensException for a text with nothing for the model to read
     */
    public List<Embedding> embed(List<String> texts) {
        return embedder.embed(texts);
    }

    /** What an index whose {@code field} holds this model's vectors records. */
    public IndexedModel describe(String field, VectorQuantization quantization, String analyzer) {
        return new IndexedModel(name(), dimension(), pooling, field, quantization, analyzer);
    }

    /** Refuses an index embedded by another model (message names both and the fix). */
    public void requireSameModelAs(IndexedModel index) {
        index.requireSameModel(name(), dimension(), pooling);
    }

    @Override
    public void close() {
        embedder.close();
    }
}
