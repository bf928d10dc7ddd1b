package dev.heed.lucene;

import java.util.Locale;

/** How dense vectors are kept in the HNSW graph: as 32-bit floats, or scalar-quantized to 8 bits per dimension. */
public enum VectorQuantization {
    /** 32-bit floats ({@code Lucene99HnswVectorsFormat}). */
    NONE,
    /**
     * One byte per dimension in the graph ({@code Lucene104HnswScalarQuantizedVectorsFormat} with
     * {@code UNSIGNED_BYTE}); the floats are kept beside them on disk for merging and exact rescoring, so the
     * index grows while the memory the graph search touches shrinks about four times.
     */
    INT8;

    /** Parses {@code none} or {@code int8}; fails listing the valid values. */
    public static VectorQuantization parse(String value) {
        for (VectorQuantization q : values()) {
            if (q.name().equalsIgnoreCase(value.strip())) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown quantization '" + value + "'; valid: none, int8");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
