package dev.heed.lucene;

import java.util.Objects;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues;

/**
 * Codecs for an index with Heed's vectors: Lucene's default codec with a per-field HNSW format for the vector
 * field, quantized or not. The choice is written into each segment (per-field format names), so any reader with
 * Lucene's default codecs opens the index; nothing of Heed is needed to read it. Stateless and thread-safe.
 */
public final class VectorCodecs {

    /** HNSW graph degree and beam width: Lucene's defaults (16, 100). */
    public static final int MAX_CONN = Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN;
    public static final int BEAM_WIDTH = Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH;

    private VectorCodecs() {
    }

    /** The codec to set on an {@code IndexWriterConfig} whose {@code field} holds vectors kept as {@code q} says. */
    public static Codec forField(String field, VectorQuantization q) {
        Objects.requireNonNull(field, "field");
        KnnVectorsFormat format = switch (q) {
            case NONE -> new Lucene99HnswVectorsFormat(MAX_CONN, BEAM_WIDTH);
            case INT8 -> new Lucene104HnswScalarQuantizedVectorsFormat(
                    QuantizedByteVectorValues.ScalarEncoding.UNSIGNED_BYTE, MAX_CONN, BEAM_WIDTH);
        };
        return new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String name) {
                return name.equals(field) ? format : super.getKnnVectorsFormatForField(name);
            }
        };
    }
}
