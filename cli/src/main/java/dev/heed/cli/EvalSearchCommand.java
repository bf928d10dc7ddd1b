package dev.heed.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.json.HeedJson;
import dev.heed.lucene.DenseModel;
import dev.heed.lucene.HeedSearcher;
import dev.heed.lucene.SearchHit;
import dev.heed.lucene.SearchMode;
import dev.heed.lucene.beir.QueryFile;
import dev.heed.lucene.eval.Qrels;
import dev.heed.lucene.eval.RankedDoc;
import dev.heed.lucene.eval.RetrievalMetrics;
import dev.heed.lucene.eval.TrecMetrics;
import dev.heed.lucene.eval.TrecRun;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code heed eval search}: retrieval measures per mode, as trec_eval computes them. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Evaluate search against relevance judgements: nDCG@10, Recall@100, MAP@1000 and MRR@10 exactly"
                + " as trec_eval 9.0.8 -c computes them (ties by document id, descending; every qrels query counts,"
                + " one that cannot be searched as 0), and the query latency (p50, p99, query encoding included),"
                + " per mode in one table.",
                "Qrels: BEIR TSV (query-id, corpus-id, score) or TREC (qid 0 docid rel). Only the queries of the qrels"
                        + " are searched."},
        footer = {"", ExitCodes.HELP})
final class EvalSearchCommand implements Callable<Integer> {

    @Option(names = "--queries", required = true, paramLabel = "FILE", description = "The queries (BEIR jsonl or TSV).")
    Path queries;

    @Option(names = "--qrels", required = true, paramLabel = "FILE", description = "The relevance judgements.")
    Path qrels;

    @Option(names = "--mode", paramLabel = "MODE,...", split = ",", description = "The modes to evaluate (default:"
            + " bm25,dense,hybrid,rerank for an index with vectors, bm25 otherwise).")
    String[] modes;

    @Option(names = "--k", defaultValue = "1000", paramLabel = "N", description = "Hits retrieved per query (default"
            + " 1000, what MAP@1000 reads).")
    int k;

    @Option(names = "--runs", paramLabel = "DIR", description = "Also write each mode's TREC run as DIR/MODE.run.")
    Path runs;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Also write the table as JSON.")
    Path report;

    @Option(names = "--label", defaultValue = "", paramLabel = "TEXT", description = "Said above the table (e.g. which"
            + " split the qrels are).")
    String label;

    @Mixin
    RankingOptions ranking;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Qrels judged = Qrels.read(qrels);
        QueryFile file = QueryFile.read(queries);
        Map<String, QueryFile.Query> byId = new LinkedHashMap<>();
        file.queries().forEach(q -> byId.put(q.id(), q));
        List<String> missing = judged.judgements().keySet().stream().filter(id -> !byId.containsKey(id)).toList();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!missing.isEmpty()) {
            err.printf("heed: %d qrels queries are not in %s (each scores 0): %s%n", missing.size(), queries,
                    missing.subList(0, Math.min(10, missing.size())));
        }
        List<SearchMode> list;
        Optional<DenseModel> model;
        if (modes == null) {
            boolean vectors;
            try (HeedSearcher plain = HeedSearcher.open(ranking.index, Optional.empty(), HeedSearcher.Options.defaults())) {
                vectors = plain.commitData().containsKey("heed.model");
            }
            list = vectors ? List.of(SearchMode.values()) : List.of(SearchMode.BM25);
        } else {
            list = Arrays.stream(modes).map(SearchMode::parse).distinct().toList();
        }
        model = ranking.loadModel(list.stream().anyMatch(SearchMode::dense));
        ObjectNode json = HeedJson.COMPACT.createObjectNode();
        json.put("index", ranking.index.toString()).put("queries", queries.toString()).put("qrels", qrels.toString())
                .put("label", label).put("k", k);
        var rows = json.putArray("modes");
        if (runs != null) {
            Files.createDirectories(runs);
        }
        try (HeedSearcher searcher = HeedSearcher.open(ranking.index, model, ranking.searcherOptions())) {
            String header = String.format("%-8s %8s %10s %9s %7s %8s %8s %8s", "mode", "nDCG@10", "Recall@100",
                    "MAP@1000", "MRR@10", "queries", "p50 ms", "p99 ms");
            out.printf("%s%s: %,d documents; %,d qrels queries%s%n", label.isEmpty() ? "" : label + "; ",
                    ranking.index, searcher.documents(), judged.judgements().size(),
                    model.map(m -> "; model " + m.name()).orElse(""));
            out.println(header);
            out.flush();
            for (SearchMode mode : list) {
                Map<String, List<RankedDoc>> rankings = new LinkedHashMap<>();
                List<Double> millis = new ArrayList<>();
                int failed = 0;
                // one query before timing: the first search loads what the others reuse
                if (!byId.isEmpty()) {
                    tryQuiet(searcher, byId.values().iterator().next().text(), mode);
                }
                for (String id : judged.judgements().keySet()) {
                    QueryFile.Query q = byId.get(id);
                    if (q == null) {
                        continue;
                    }
                    long t0 = System.nanoTime();
                    List<SearchHit> hits;
                    try {
                        hits = searcher.search(q.text(), mode, k, false).hits();
                    } catch (IllegalArgumentException e) {
                        failed++;
                        err.printf("heed: query %s (line %d) scores 0: %s%n", id, q.line(), e.getMessage());
                        continue;
                    }
                    millis.add((System.nanoTime() - t0) / 1e6);
                    rankings.put(id, hits.stream().map(h -> new RankedDoc(h.id(), h.score())).toList());
                }
                TrecRun run = new TrecRun(rankings);
                RetrievalMetrics m = TrecMetrics.evaluate(judged, run);
                double[] times = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double p50 = percentile(times, 50);
                double p99 = percentile(times, 99);
                out.printf("%-8s %8.4f %10.4f %9.4f %7.4f %8d %8.1f %8.1f%n", mode, m.ndcg10(), m.recall100(),
                        m.map1000(), m.mrr10(), m.queries(), p50, p99);
                out.flush();
                rows.addObject().put("mode", mode.toString()).put("ndcg_cut_10", m.ndcg10())
                        .put("recall_100", m.recall100()).put("map_cut_1000", m.map1000()).put("recip_rank_10", m.mrr10())
                        .put("queries", m.queries()).put("failed", failed).put("latency_p50_ms", p50)
                        .put("latency_p99_ms", p99);
                if (runs != null) {
                    try (Writer w = Files.newBufferedWriter(runs.resolve(mode + ".run"), StandardCharsets.UTF_8)) {
                        for (var e : rankings.entrySet()) {
                            TrecRun.write(w, e.getKey(), e.getValue(), "heed-" + mode);
                        }
                    }
                }
            }
        } finally {
            model.ifPresent(DenseModel::close);
        }
        if (report != null) {
            Files.writeString(report, HeedJson.PRETTY.writeValueAsString(json) + "\n");
        }
        return ExitCodes.OK;
    }

    private static void tryQuiet(HeedSearcher searcher, String text, SearchMode mode) {
        try {
            searcher.search(text, mode, 10, false);
        } catch (Exception e) {
            // the timed loop reports it
        }
    }

    /** The nearest-rank percentile of sorted values; 0 for none. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
