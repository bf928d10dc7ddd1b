package dev.heed.lucene;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * A normalized linear combination of ranked lists (the "convex combination" of Bruch, Gai and Ingber, "An
 * Analysis of Fusion Functions for Hybrid Retrieval", ACM TOIS 42(1), 2023): each list's scores are normalized
 * over its own hits ({@link ScoreNormalization}), and a document's score is the weighted sum of its normalized
 * scores, 0 from a list that does not hold it. Ties go to the lower document id.
 *
 * @param normalization how each list's scores are normalized
 * @param weights a weight per list, in the lists' order
 */
public record LinearFusion(ScoreNormalization normalization, List<Double> weights) implements RankFusion {

    public LinearFusion {
        weights = List.copyOf(weights);
        if (weights.isEmpty() || weights.stream().anyMatch(w -> !Double.isFinite(w) || w < 0)) {
            throw new IllegalArgumentException("weights must be finite and >= 0, one per list; got " + weights);
        }
    }

    @Override
    public TopDocs fuse(int topN, List<TopDocs> lists) {
        checkCount(lists);
        Map<Integer, Double> scores = new HashMap<>();
        for (int i = 0; i < lists.size(); i++) {
            double[] normalized = normalized(lists.get(i));
            ScoreDoc[] hits = lists.get(i).scoreDocs;
            double w = weights.get(i);
            for (int h = 0; h < hits.length; h++) {
                scores.merge(hits[h].doc, w * normalized[h], Double::sum);
            }
        }
        List<Map.Entry<Integer, Double>> entries = new ArrayList<>(scores.entrySet());
        entries.sort(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        ScoreDoc[] top = new ScoreDoc[Math.min(topN, entries.size())];
        for (int i = 0; i < top.length; i++) {
            top[i] = new ScoreDoc(entries.get(i).getKey(), entries.get(i).getValue().floatValue());
        }
        return new TopDocs(new TotalHits(entries.size(), TotalHits.Relation.EQUAL_TO), top);
    }

    @Override
    public Explanation explain(int doc, List<TopDocs> lists, List<String> names, List<Explanation> parts) {
        checkCount(lists);
        RankFusion.checkSizes(lists, names, parts);
        List<Explanation> details = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < lists.size(); i++) {
            int rank = RankFusion.rankOf(doc, lists.get(i));
            if (rank == 0) {
                details.add(Explanation.noMatch(names.get(i) + ": not in its top " + lists.get(i).scoreDocs.length,
                        parts.get(i)));
                continue;
            }
            double n = normalized(lists.get(i))[rank - 1];
            double value = weights.get(i) * n;
            sum += value;
            details.add(Explanation.match((float) value, names.get(i) + ": weight " + weights.get(i) + " x "
                    + normalization + " normalized score " + (float) n + " (raw " + lists.get(i).scoreDocs[rank - 1].score
                    + ", rank " + rank + ")", parts.get(i)));
        }
        return Explanation.match((float) sum, "linear fusion of " + normalization + " normalized scores, sum of:",
                details);
    }

    private double[] normalized(TopDocs list) {
        float[] raw = new float[list.scoreDocs.length];
        for (int h = 0; h < raw.length; h++) {
            raw[h] = list.scoreDocs[h].score;
        }
        return normalization.apply(raw);
    }

    private void checkCount(List<TopDocs> lists) {
        if (lists.size() != weights.size()) {
            throw new IllegalArgumentException(lists.size() + " lists but " + weights.size() + " weights");
        }
    }
}
