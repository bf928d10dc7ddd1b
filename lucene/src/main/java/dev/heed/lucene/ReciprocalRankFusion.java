package dev.heed.lucene;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.TopDocs;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, "Reciprocal rank fusion outperforms Condorcet and
 * individual rank learning methods", SIGIR 2009): a document's score is the sum over the lists of
 * {@code 1 / (k + rank)}, rank counted from 1; a list without the document adds nothing. Scores do not need to
 * be comparable across lists. Ranking by Lucene's {@link TopDocs#rrf}; ties go to the lower document id.
 *
 * @param k the constant that damps the top ranks' weight; 60 in the paper and by default
 */
public record ReciprocalRankFusion(int k) implements RankFusion {

    /** The paper's and Lucene's default constant. */
    public static final int DEFAULT_K = 60;

    public ReciprocalRankFusion {
        if (k < 1) {
            throw new IllegalArgumentException("the RRF constant k must be >= 1, got " + k);
        }
    }

    /** RRF with k = 60. */
    public static ReciprocalRankFusion defaults() {
        return new ReciprocalRankFusion(DEFAULT_K);
    }

    @Override
    public TopDocs fuse(int topN, List<TopDocs> lists) {
        return TopDocs.rrf(topN, k, lists.toArray(TopDocs[]::new));
    }

    @Override
    public Explanation explain(int doc, List<TopDocs> lists, List<String> names, List<Explanation> parts) {
        RankFusion.checkSizes(lists, names, parts);
        List<Explanation> details = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < lists.size(); i++) {
            int rank = RankFusion.rankOf(doc, lists.get(i));
            if (rank == 0) {
                details.add(Explanation.noMatch(names.get(i) + ": not in its top " + lists.get(i).scoreDocs.length,
                        parts.get(i)));
            } else {
                double value = 1.0 / (k + rank);
                sum += value;
                details.add(Explanation.match((float) value, names.get(i) + ": 1 / (k + rank) with k = " + k
                        + ", rank " + rank, parts.get(i)));
            }
        }
        return Explanation.match((float) sum, "reciprocal rank fusion (k = " + k + "), sum of:", details);
    }
}
