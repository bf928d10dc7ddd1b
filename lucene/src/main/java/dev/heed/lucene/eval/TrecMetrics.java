package dev.heed.lucene.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Retrieval measures computed exactly as trec_eval 9.0.8 computes them (https://github.com/usnistgov/trec_eval;
 * nDCG: Järvelin and Kekäläinen, ACM TOIS 20(4), 2002). A run's documents are ranked as trec_eval ranks them:
 * by score, higher first, ties by document id in descending byte order (the rank column is ignored). A document
 * is relevant when its level is 1 or more; unjudged documents are not relevant; the gain of nDCG is the level.
 * Means are over every query of the qrels, a query without documents in the run scoring 0: trec_eval's
 * {@code -c}. Values are frozen from trec_eval in {@code TrecMetricsTest}.
 *
 * <p>Stateless and thread-safe.
 */
public final class TrecMetrics {

    private static final Comparator<RankedDoc> TREC_ORDER = Comparator.comparingDouble(RankedDoc::score).reversed()
            .thenComparing((a, b) -> compareBytes(b.docId(), a.docId()));

    private TrecMetrics() {
    }

    /** The run's documents for one query in trec_eval's order. */
    public static List<RankedDoc> trecOrder(List<RankedDoc> docs) {
        List<RankedDoc> sorted = new ArrayList<>(docs);
        sorted.sort(TREC_ORDER);
        return sorted;
    }

    private static int compareBytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** trec_eval's {@code ndcg_cut.k} of one query. */
    public static double ndcg(List<RankedDoc> ranking, Map<String, Integer> judged, int k) {
        List<RankedDoc> docs = trecOrder(ranking);
        double dcg = 0;
        for (int i = 0; i < Math.min(k, docs.size()); i++) {
            int gain = judged.getOrDefault(docs.get(i).docId(), 0);
            if (gain > 0) {
                dcg += gain / log2(i + 2);
            }
        }
        int[] gains = judged.values().stream().filter(g -> g > 0).mapToInt(Integer::intValue)
                .map(g -> -g).sorted().map(g -> -g).toArray();
        double ideal = 0;
        for (int i = 0; i < Math.min(k, gains.length); i++) {
            ideal += gains[i] / log2(i + 2);
        }
        return ideal > 0 ? dcg / ideal : 0;
    }

    /** trec_eval's {@code recall.k} of one query: relevant documents in the first k over all relevant ones. */
    public static double recall(List<RankedDoc> ranking, Map<String, Integer> judged, int k) {
        long relevant = relevantCount(judged);
        if (relevant == 0) {
            return 0;
        }
        List<RankedDoc> docs = trecOrder(ranking);
        long found = docs.stream().limit(k).filter(d -> judged.getOrDefault(d.docId(), 0) >= 1).count();
        return (double) found / relevant;
    }

    /** trec_eval's {@code map_cut.k} of one query: precision at each relevant document in the first k. */
    public static double averagePrecision(List<RankedDoc> ranking, Map<String, Integer> judged, int k) {
        long relevant = relevantCount(judged);
        if (relevant == 0) {
            return 0;
        }
        List<RankedDoc> docs = trecOrder(ranking);
        double sum = 0;
        int found = 0;
        for (int i = 0; i < Math.min(k, docs.size()); i++) {
            if (judged.getOrDefault(docs.get(i).docId(), 0) >= 1) {
                found++;
                sum += (double) found / (i + 1);
            }
        }
        return sum / relevant;
    }

    /** trec_eval's {@code recip_rank} with {@code -M k}: 1 / rank of the first relevant document in the first k. */
    public static double reciprocalRank(List<RankedDoc> ranking, Map<String, Integer> judged, int k) {
        List<RankedDoc> docs = trecOrder(ranking);
        for (int i = 0; i < Math.min(k, docs.size()); i++) {
            if (judged.getOrDefault(docs.get(i).docId(), 0) >= 1) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /** The four measures of {@code run} against {@code qrels}, averaged over every query of the qrels. */
    public static RetrievalMetrics evaluate(Qrels qrels, TrecRun run) {
        double ndcg = 0;
        double recall = 0;
        double map = 0;
        double mrr = 0;
        int n = 0;
        for (var e : qrels.judgements().entrySet()) {
            List<RankedDoc> ranking = run.of(e.getKey());
            ndcg += ndcg(ranking, e.getValue(), 10);
            recall += recall(ranking, e.getValue(), 100);
            map += averagePrecision(ranking, e.getValue(), 1000);
            mrr += reciprocalRank(ranking, e.getValue(), 10);
            n++;
        }
        return n == 0 ? new RetrievalMetrics(0, 0, 0, 0, 0)
                : new RetrievalMetrics(ndcg / n, recall / n, map / n, mrr / n, n);
    }

    private static long relevantCount(Map<String, Integer> judged) {
        return judged.values().stream().filter(g -> g >= 1).count();
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
