package dev.heed.lucene;

import java.util.List;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.TopDocs;

/**
 * Fuses ranked lists of one index (BM25, dense, ...) into one: {@link ReciprocalRankFusion} by ranks,
 * {@link LinearFusion} by normalized scores. The lists' hits must carry document ids of the same
 * {@code IndexSearcher}. Implementations are immutable and thread-safe.
 */
public sealed interface RankFusion permits ReciprocalRankFusion, LinearFusion {

    /** The fused top {@code topN}, best first; a document found by any list can be in it. */
    TopDocs fuse(int topN, List<TopDocs> lists);

    /**
     * What each list gave {@code doc}: an explanation whose value is the fused score and whose details are one
     * per list, each holding that list's own explanation ({@code parts}, e.g. from
     * {@code IndexSearcher.explain}) of the document.
     *
     * @param names a name per list ({@code bm25}, {@code dense})
     * @param parts the explanation of {@code doc} by each list's query
     */
    Explanation explain(int doc, List<TopDocs> lists, List<String> names, List<Explanation> parts);

    /** The 1-based rank of {@code doc} in {@code list}, or 0 when the list does not hold it. */
    static int rankOf(int doc, TopDocs list) {
        for (int i = 0; i < list.scoreDocs.length; i++) {
            if (list.scoreDocs[i].doc == doc) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Checks that there is a name and an explanation per list. */
    static void checkSizes(List<TopDocs> lists, List<String> names, List<Explanation> parts) {
        if (names.size() != lists.size() || parts.size() != lists.size()) {
            throw new IllegalArgumentException(lists.size() + " lists need as many names and explanations, got "
                    + names.size() + " and " + parts.size());
        }
    }
}
