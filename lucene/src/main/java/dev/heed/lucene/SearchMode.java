package dev.heed.lucene;

import java.util.Arrays;
import java.util.Locale;

/** How {@link HeedSearcher} ranks. */
public enum SearchMode {
    /** BM25 over the analyzed contents. */
    BM25,
    /** The nearest vectors in the HNSW graph to the query's vector. */
    DENSE,
    /** BM25 and dense fused ({@link ReciprocalRankFusion} by default, or {@link LinearFusion}). */
    HYBRID,
    /** Hybrid's (or BM25's) top hits rescored by {@link DenseRescorer}. */
    RERANK;

    /** Parses a mode's name; fails listing the valid ones. */
    public static SearchMode parse(String value) {
        for (SearchMode m : values()) {
            if (m.name().equalsIgnoreCase(value.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown search mode '" + value + "'; valid: "
                + Arrays.stream(values()).map(SearchMode::toString).toList());
    }

    /** Whether the mode needs the index's embedding model. */
    public boolean dense() {
        return this != BM25;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
