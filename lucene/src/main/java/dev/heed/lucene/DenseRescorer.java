package dev.heed.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Rescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * A neural second pass for the top hits of any first-stage query (BM25, a fusion, ...): each hit's score becomes
 * {@code w * cosine + (1 - w) * first}, where {@code cosine} is the exact dot product of the query's unit vector
 * with the document's stored unit vector (read from the index, not the HNSW approximation) and {@code first} is
 * the hit's first-pass score min-max normalized over the hits rescored. A hit without a vector has cosine 0.
 * Ties go to the lower document id.
 *
 * <p>Not thread-safe: one per query. {@link #explain} uses the normalization of the last {@link #rescore} call
 * (before any call, the first-pass score counts as 1).
 */
public final class DenseRescorer extends Rescorer {

    private final String field;
    private final float[] query;
    private final double weight;
    private float min = Float.NaN;
    private float max = Float.NaN;

    /**
     * @param field the vector field
     * @param queryVector the query's unit vector, of the field's dimension
     * @param neuralWeight {@code w} in [0, 1]: 1 ranks by the cosine alone
     */
    public DenseRescorer(String field, float[] queryVector, double neuralWeight) {
        if (!(neuralWeight >= 0 && neuralWeight <= 1)) {
            throw new IllegalArgumentException("the neural weight must be in [0, 1], got " + neuralWeight);
        }
        this.field = field;
        this.query = queryVector.clone();
        this.weight = neuralWeight;
    }

    @Override
    public TopDocs rescore(IndexSearcher searcher, TopDocs firstPass, int topN) throws IOException {
        ScoreDoc[] hits = firstPass.scoreDocs.clone();
        min = Float.POSITIVE_INFINITY;
        max = Float.NEGATIVE_INFINITY;
        for (ScoreDoc h : hits) {
            min = Math.min(min, h.score);
            max = Math.max(max, h.score);
        }
        ScoreDoc[] rescored = new ScoreDoc[hits.length];
        for (int i = 0; i < hits.length; i++) {
            double cos = cosine(searcher, hits[i].doc).orElse(0.0);
            rescored[i] = new ScoreDoc(hits[i].doc, (float) (weight * cos + (1 - weight) * normalize(hits[i].score)),
                    hits[i].shardIndex);
        }
        Arrays.sort(rescored, Comparator.comparingDouble((ScoreDoc d) -> d.score).reversed()
                .thenComparingInt(d -> d.doc));
        return new TopDocs(firstPass.totalHits, Arrays.copyOf(rescored, Math.min(topN, rescored.length)));
    }

    private double normalize(float score) {
        if (Float.isNaN(min) || !(max > min)) {
            return 1;
        }
        return (score - min) / (max - min);
    }

    @Override
    public Explanation explain(IndexSearcher searcher, Explanation firstPass, int docID) throws IOException {
        Optional<Double> cos = cosine(searcher, docID);
        float first = firstPass.getValue().floatValue();
        double n = normalize(first);
        Explanation neural = cos.isPresent()
                ? Explanation.match((float) (weight * cos.get()), "weight " + weight + " x cosine " + cos.get().floatValue()
                        + " of the query's and the document's unit vectors (field " + field + ", exact)")
                : Explanation.noMatch("the document has no vector in field " + field + " (cosine 0)");
        Explanation firstPart = Explanation.match((float) ((1 - weight) * n), "weight " + (1 - weight)
                + " x first-pass score " + first + " min-max normalized over the hits rescored (min " + min + ", max "
                + max + ") = " + (float) n, firstPass);
        return Explanation.match((float) (weight * cos.orElse(0.0) + (1 - weight) * n),
                "neural rescoring, sum of:", List.of(neural, firstPart));
    }

    /** The exact cosine of the query with {@code doc}'s vector; empty when the document has none. */
    Optional<Double> cosine(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
        if (values == null) {
            return Optional.empty();
        }
        int target = doc - leaf.docBase;
        KnnVectorValues.DocIndexIterator it = values.iterator();
        if (it.advance(target) != target) {
            return Optional.empty();
        }
        float[] v = values.vectorValue(it.index());
        if (v.length != query.length) {
            throw new IllegalArgumentException("the query vector has " + query.length + " dimensions, field " + field
                    + " " + v.length);
        }
        double dot = 0;
        for (int i = 0; i < v.length; i++) {
            dot += v[i] * query[i];
        }
        return Optional.of(dot);
    }
}
