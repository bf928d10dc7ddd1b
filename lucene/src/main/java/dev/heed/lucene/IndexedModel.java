package dev.heed.lucene;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;

/**
 * What an index's dense vectors were made with, recorded in the index's commit user data (keys {@code heed.*}) so
 * that a searcher can refuse a query vector from another model: the same text embedded by two models gives
 * vectors that cannot be compared, and nothing in the numbers says so. Immutable.
 *
 * @param model the embedding model's name (e.g. {@code bge-small-en-v1.5})
 * @param dimension the vectors' size
 * @param pooling the pooling that made one vector of the token states ({@code cls}, {@code mean}, ...)
 * @param field the {@code KnnFloatVectorField}'s name
 * @param quantization how the vectors are stored in the HNSW graph
 * @param analyzer the name of the analyzer of the text fields ({@code heed}, {@code english}, ...)
 */
public record IndexedModel(String model, int dimension, String pooling, String field, VectorQuantization quantization,
        String analyzer) {

    static final String PREFIX = "heed.";

    public IndexedModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(pooling, "pooling");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(quantization, "quantization");
        Objects.requireNonNull(analyzer, "analyzer");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
    }

    /** The commit user data that records this (keys {@code heed.model}, {@code heed.dimension}, ...). */
    public Map<String, String> userData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(PREFIX + "model", model);
        data.put(PREFIX + "dimension", Integer.toString(dimension));
        data.put(PREFIX + "pooling", pooling);
        data.put(PREFIX + "vector_field", field);
        data.put(PREFIX + "quantization", quantization.toString());
        data.put(PREFIX + "analyzer", analyzer);
        return data;
    }

    /** What {@code userData} records; empty when it has no {@code heed.model} (an index Heed did not embed). */
    public static Optional<IndexedModel> of(Map<String, String> userData) {
        String model = userData.get(PREFIX + "model");
        if (model == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IndexedModel(model, Integer.parseInt(userData.get(PREFIX + "dimension")),
                    userData.getOrDefault(PREFIX + "pooling", "unknown"),
                    userData.getOrDefault(PREFIX + "vector_field", "vector"),
                    VectorQuantization.parse(userData.getOrDefault(PREFIX + "quantization", "none")),
                    userData.getOrDefault(PREFIX + "analyzer", "heed")));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the index's commit data names model " + model
                    + " but its other heed.* entries are damaged (" + e.getMessage() + "): " + userData, e);
        }
    }

    /**
     * What the open index {@code reader} records.
     *
     * @throws IllegalStateException when the index was not built with a Heed embedding model
     */
    public static IndexedModel of(DirectoryReader reader) throws IOException {
        return of(reader.getIndexCommit().getUserData()).orElseThrow(() -> new IllegalStateException(
                "the index in " + reader.directory() + " records no embedding model (no heed.model in its commit"
                        + " data): it was not built by Heed with vectors; build it with heed index or HeedIndexer"));
    }

    /**
     * Refuses vectors made by another model.
     *
     * @throws IllegalArgumentException naming both models and the fix when {@code otherModel},
     *     {@code otherDimension} or {@code otherPooling} differ from this index's
     */
    public void requireSameModel(String otherModel, int otherDimension, String otherPooling) {
        if (!model.equals(otherModel) || dimension != otherDimension || !pooling.equals(otherPooling)) {
            throw new IllegalArgumentException("the index was embedded by " + describe(model, dimension, pooling)
                    + " but the query would be embedded by " + describe(otherModel, otherDimension, otherPooling)
                    + ": vectors of two models cannot be compared; embed queries with " + model
                    + " (heed search --model " + model + "), or rebuild the index with " + otherModel);
        }
    }

    private static String describe(String model, int dimension, String pooling) {
        return model + " (" + dimension + " dimensions, " + pooling + " pooling)";
    }
}
