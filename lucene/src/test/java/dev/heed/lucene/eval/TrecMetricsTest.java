package dev.heed.lucene.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measures against values printed by trec_eval 9.0.8 (15 decimals; how they were made: README.md beside
 * the fixtures in src/test/resources/dev/heed/lucene/eval).
 */
class TrecMetricsTest {

    private static final double EXACT = 1e-12;

    private static Path resource(String name) throws Exception {
        return Path.of(TrecMetricsTest.class.getResource("/dev/heed/lucene/eval/" + name).toURI());
    }

    @Test
    void smallRunMatchesTrecEvalPerQueryAndOnAverage() throws Exception {
        Qrels qrels = Qrels.read(resource("small.qrels"));
        TrecRun run = TrecRun.read(resource("small.run"));
        // q1: ties at 4.0 go by docid descending (d7, d2, d1), so d2 is third and d1 fourth
        assertEquals(0.456949427383804, TrecMetrics.ndcg(run.of("q1"), qrels.of("q1"), 10), EXACT);
        assertEquals(0.666666666666667, TrecMetrics.recall(run.of("q1"), qrels.of("q1"), 100), EXACT);
        assertEquals(0.277777777777778, TrecMetrics.averagePrecision(run.of("q1"), qrels.of("q1"), 1000), EXACT);
        assertEquals(0.333333333333333, TrecMetrics.reciprocalRank(run.of("q1"), qrels.of("q1"), 10), EXACT);
        // q2: fewer hits than k; the tie c, a puts a third
        assertEquals(0.5, TrecMetrics.ndcg(run.of("q2"), qrels.of("q2"), 10), EXACT);
        assertEquals(0.333333333333333, TrecMetrics.averagePrecision(run.of("q2"), qrels.of("q2"), 1000), EXACT);
        // q3: judged, none relevant: 0 everywhere
        assertEquals(0.0, TrecMetrics.ndcg(run.of("q3"), qrels.of("q3"), 10));
        assertEquals(0.0, TrecMetrics.recall(run.of("q3"), qrels.of("q3"), 100));

        // means over the 4 qrels queries (q4 is missing from the run and scores 0; q5 has no qrels): trec_eval -c
        RetrievalMetrics all = TrecMetrics.evaluate(qrels, run);
        assertEquals(4, all.queries());
        assertEquals(0.239237356845951, all.ndcg10(), EXACT);
        assertEquals(0.416666666666667, all.recall100(), EXACT);
        assertEquals(0.152777777777778, all.map1000(), EXACT);
        assertEquals(0.166666666666667, all.mrr10(), EXACT);
    }

    @Test
    void largeRunWhereEveryCutBitesMatchesTrecEval() throws Exception {
        Qrels qrels = Qrels.read(resource("large.qrels"));
        TrecRun run = TrecRun.read(resource("large.run"));
        Map<String, double[]> perQuery = Map.of(
                // ndcg_cut_10, recall_100, map_cut_1000, recip_rank -M 10
                "L1", new double[] {0.0, 0.241379310344828, 0.047970768688939, 0.0},
                "L2", new double[] {0.176575354096763, 0.290322580645161, 0.104569745272959, 0.333333333333333},
                "L3", new double[] {0.292418012514612, 0.285714285714286, 0.104500537696726, 1.0},
                "L4", new double[] {0.0, 0.230769230769231, 0.043861642042188, 0.0});
        perQuery.forEach((q, v) -> {
            assertEquals(v[0], TrecMetrics.ndcg(run.of(q), qrels.of(q), 10), EXACT, q);
            assertEquals(v[1], TrecMetrics.recall(run.of(q), qrels.of(q), 100), EXACT, q);
            assertEquals(v[2], TrecMetrics.averagePrecision(run.of(q), qrels.of(q), 1000), EXACT, q);
            assertEquals(v[3], TrecMetrics.reciprocalRank(run.of(q), qrels.of(q), 10), EXACT, q);
        });
        RetrievalMetrics all = TrecMetrics.evaluate(qrels, run);
        assertEquals(0.117248341652844, all.ndcg10(), EXACT);
        assertEquals(0.262046351868376, all.recall100(), EXACT);
        assertEquals(0.075225673425203, all.map1000(), EXACT);
        assertEquals(0.333333333333333, all.mrr10(), EXACT);
    }

    @Test
    void tiesGoByDocumentIdDescendingWhateverTheFileOrder() {
        List<RankedDoc> docs = List.of(new RankedDoc("a", 1), new RankedDoc("c", 1), new RankedDoc("b", 2));
        assertEquals(List.of("b", "c", "a"), TrecMetrics.trecOrder(docs).stream().map(RankedDoc::docId).toList());
    }

    @Test
    void badLinesAreNamedWithFileAndLine(@TempDir Path dir) throws Exception {
        Path qrels = dir.resolve("bad.qrels");
        Files.writeString(qrels, "q1 0 d1 1\nq1 0 d2 high\n");
        var e = assertThrows(IllegalArgumentException.class, () -> Qrels.read(qrels));
        assertTrue(e.getMessage().contains("bad.qrels line 2") && e.getMessage().contains("'high'"), e.getMessage());
        Path run = dir.resolve("bad.run");
        Files.writeString(run, "q1 Q0 d1 1 2.0 t\nq1 Q0 d1 2 1.0 t\n");
        e = assertThrows(IllegalArgumentException.class, () -> TrecRun.read(run));
        assertTrue(e.getMessage().contains("bad.run line 2") && e.getMessage().contains("twice"), e.getMessage());
        Path beir = dir.resolve("beir.tsv");
        Files.writeString(beir, "query-id\tcorpus-id\tscore\n1\t31715818\t1\n");
        assertEquals(Map.of("31715818", 1), Qrels.read(beir).of("1"));
    }
}
