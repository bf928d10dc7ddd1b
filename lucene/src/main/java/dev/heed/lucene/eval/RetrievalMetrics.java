package dev.heed.lucene.eval;

/**
 * The four retrieval measures {@code heed eval search} reports, each a mean over queries. Immutable.
 *
 * @param ndcg10 trec_eval's {@code ndcg_cut_10}
 * @param recall100 trec_eval's {@code recall_100}
 * @param map1000 trec_eval's {@code map_cut_1000}
 * @param mrr10 trec_eval's {@code recip_rank} over the first 10 documents ({@code -M 10})
 * @param queries the number of queries averaged over
 */
public record RetrievalMetrics(double ndcg10, double recall100, double map1000, double mrr10, int queries) {
}
