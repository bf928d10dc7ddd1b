package dev.heed.lucene;

import dev.heed.tasks.embedding.Embedding;
import java.util.List;
import org.apache.lucene.search.KnnFloatVectorQuery;

/**
 * Dense queries from text for an index that {@link IndexedModel} describes: the text is embedded by the same
 * model (checked when this is built) and searched in the index's HNSW graph by dot product, which is the
 * cosine of the unit vectors. Thread-safe.
 */
public final class DenseQueries {

    private final DenseModel model;
    private final IndexedModel index;

    /**
     * @throws IllegalArgumentException when {@code model} is not the model the index was embedded by
     */
    public DenseQueries(DenseModel model, IndexedModel index) {
        model.requireSameModelAs(index);
        this.model = model;
        this.index = index;
    }

    /**
     * The query's unit vector; a query longer than the model takes is cut to its first 512 tokens and the
     * embedding says how many were cut.
     *
     * @throws IllegalArgumentException for an empty or blank query
     */
    public Embedding embed(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an empty query: there is nothing to search for");
        }
        return model.embed(List.of(text)).get(0);
    }

    /** The {@code k} nearest documents of {@code vector} (a unit vector of the index's dimension). */
    public KnnFloatVectorQuery query(float[] vector, int k) {
        if (vector.length != index.dimension()) {
            throw new IllegalArgumentException("a query vector of " + vector.length + " dimensions for an index of "
                    + index.dimension());
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        return new KnnFloatVectorQuery(index.field(), vector, k);
    }

    /** The {@code k} nearest documents of {@code text}. */
    public KnnFloatVectorQuery query(String text, int k) {
        return query(embed(text).vector(), k);
    }

    /** The index's description. */
    public IndexedModel index() {
        return index;
    }
}
