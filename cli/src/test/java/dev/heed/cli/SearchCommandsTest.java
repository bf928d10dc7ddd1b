package dev.heed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.json.HeedJson;
import dev.heed.lucene.eval.Qrels;
import dev.heed.lucene.eval.RetrievalMetrics;
import dev.heed.lucene.eval.TrecMetrics;
import dev.heed.lucene.eval.TrecRun;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** heed index, heed search and heed eval search on a tiny BEIR corpus made here, with all-MiniLM-L6-v2. */
class SearchCommandsTest {

    @TempDir
    static Path dir;
    static Path corpus;
    static Path index;
    static Path queries;
    static Path qrels;
    static CliRun indexRun;

    static final String[][] DOCS = {
        {"cat", "Cats at home", "A cat sleeps on the sofa all afternoon and purrs."},
        {"stock", "Markets", "The stock market fell sharply as investors sold shares."},
        {"rain", "Weather", "Heavy rain and strong winds are expected tomorrow."},
        {"bread", "Baking", "Knead the dough, let it rise, then bake the bread for an hour."},
        {"football", "Sport", "The team scored twice in the second half to win the match."},
        {"vaccine", "Medicine", "The vaccine trial showed strong protection against the virus."},
        {"mars", "Space", "The rover collected rock samples on the surface of Mars."},
    };

    @BeforeAll
    static void build() throws Exception {
        System.setProperty("heed.home", dir.resolve("home").toString());
        StringBuilder lines = new StringBuilder();
        for (String[] d : DOCS) {
            lines.append("{\"_id\":\"").append(d[0]).append("\",\"title\":\"").append(d[1]).append("\",\"text\":\"")
                    .append(d[2]).append("\",\"metadata\":{}}\n");
        }
        lines.append("{\"_id\":\"blank\",\"title\":\"\",\"text\":\"  \"}\n");          // line 8: no text
        lines.append("{\"_id\":\"cat\",\"title\":\"Again\",\"text\":\"A second cat.\"}\n"); // line 9: duplicate id
        lines.append("{\"_id\":\"broken\",\"text\":\n");                                // line 10: malformed
        corpus = dir.resolve("corpus.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(corpus))) {
            out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        index = dir.resolve("index");
        indexRun = CliRun.of("index", "-i", corpus.toString(), "--index", index.toString(), "--model",
                "all-minilm-l6-v2", "--device", "cpu", "--batch-size", "4");
        queries = dir.resolve("queries.jsonl");
        Files.writeString(queries, "{\"_id\":\"q1\",\"text\":\"a kitten napping on the couch\"}\n"
                + "{\"_id\":\"q2\",\"text\":\"stock market shares\"}\n"
                + "{\"_id\":\"q3\",\"text\":\"\"}\n"
                + "{\"_id\":\"q4\",\"text\":\"the of and\"}\n"
                + "{\"_id\":\"q5\",\"text\":\"exploring the red planet with a robot\"}\n");
        qrels = dir.resolve("qrels.tsv");
        Files.writeString(qrels, "query-id\tcorpus-id\tscore\nq1\tcat\t1\nq2\tstock\t1\nq5\tmars\t1\nq5\train\t0\n");
    }

    private static List<JsonNode> read(Path file) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(HeedJson.COMPACT.readTree(line));
        }
        return nodes;
    }

    @Test
    void indexReportsEachBadLineAndBuildsTheRest() throws Exception {
        assertEquals(ExitCodes.RECORDS_FAILED, indexRun.exitCode(), indexRun.err());
        assertTrue(indexRun.err().contains("read 10, indexed 7, failed 3"), indexRun.err());
        List<JsonNode> errors = read(dir.resolve("index.errors.jsonl"));
        assertEquals(List.of("empty_text", "duplicate_id", "malformed_json"),
                errors.stream().map(e -> e.get("kind").asText()).toList());
        assertEquals(List.of(8, 9, 10), errors.stream().map(e -> e.get("line").asInt()).toList());
        assertTrue(errors.get(1).get("reason").asText().contains("also on line 1"), errors.get(1).toString());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".building-")), "nothing left aside");
        }
    }

    @Test
    void aFailedBuildLeavesTheOldIndexAsItWas() throws Exception {
        Path other = dir.resolve("kept");
        assertEquals(ExitCodes.OK, CliRun.of("index", "-i", corpusOf("{\"_id\":\"a\",\"text\":\"apples and pears\"}\n"),
                "--index", other.toString(), "--model", "none", "-q").exitCode());
        // a model that does not exist fails before anything is written; an unreadable corpus fails in the build
        Path bad = dir.resolve("truncated.jsonl.gz");
        byte[] gz = Files.readAllBytes(corpus);
        Files.write(bad, java.util.Arrays.copyOf(gz, gz.length / 2));
        CliRun failed = CliRun.of("index", "-i", bad.toString(), "--index", other.toString(), "--model", "none", "-q");
        assertEquals(ExitCodes.IO, failed.exitCode(), failed.err());
        CliRun search = CliRun.of("search", "--index", other.toString(), "--queries", tsv("x\tpears\n"), "--mode", "bm25",
                "-o", dir.resolve("kept.jsonl").toString(), "-q");
        assertEquals(ExitCodes.OK, search.exitCode(), search.err());
        assertEquals("a", read(dir.resolve("kept.jsonl")).get(0).get("hits").get(0).get("id").asText());
        Path notAnIndex = Files.createDirectories(dir.resolve("my-documents"));
        Files.writeString(notAnIndex.resolve("thesis.txt"), "mine");
        CliRun refused = CliRun.of("index", "-i", corpus.toString(), "--index", notAnIndex.toString(), "--model", "none");
        assertEquals(ExitCodes.USAGE, refused.exitCode());
        assertTrue(refused.err().contains("is not a Lucene index"), refused.err());
        assertTrue(Files.exists(notAnIndex.resolve("thesis.txt")));
    }

    private static String corpusOf(String lines) throws Exception {
        Path p = Files.createTempFile(dir, "corpus", ".jsonl");
        Files.writeString(p, lines);
        return p.toString();
    }

    private static String tsv(String lines) throws Exception {
        Path p = Files.createTempFile(dir, "queries", ".tsv");
        Files.writeString(p, lines);
        return p.toString();
    }

    @Test
    void searchWritesHitsExplanationsARunAndErrorRecords() throws Exception {
        Path out = dir.resolve("hybrid.jsonl");
        Path run = dir.resolve("hybrid.run");
        CliRun r = CliRun.of("search", "--index", index.toString(), "--queries", queries.toString(), "--mode", "hybrid",
                "--k", "3", "--explain", "--run", run.toString(), "-o", out.toString());
        assertEquals(ExitCodes.RECORDS_FAILED, r.exitCode(), r.err());
        assertTrue(r.err().contains("read 5, written 3, failed 2"), r.err());
        List<JsonNode> lines = read(out);
        assertEquals(List.of("q1", "q2", "q5"), lines.stream().map(l -> l.get("id").asText()).toList());
        assertEquals("cat", lines.get(0).get("hits").get(0).get("id").asText());
        assertEquals("mars", lines.get(2).get("hits").get(0).get("id").asText());
        JsonNode explanation = lines.get(0).get("hits").get(0).get("explanation");
        assertTrue(explanation.get("description").asText().startsWith("reciprocal rank fusion"), explanation.toString());
        assertEquals(lines.get(0).get("hits").get(0).get("score").asDouble(), explanation.get("value").asDouble(), 1e-6);
        List<JsonNode> errors = read(dir.resolve("hybrid.errors.jsonl"));
        assertEquals(List.of(3, 4), errors.stream().map(e -> e.get("line").asInt()).toList());
        assertTrue(errors.get(1).get("reason").asText().contains("stop words"), errors.get(1).toString());
        TrecRun trec = TrecRun.read(run);
        assertEquals(3, trec.of("q1").size());
        assertEquals("cat", trec.of("q1").get(0).docId());
    }

    @Test
    void explainAlignsTheTopHitsWordsAndExportsThemForTheViewer() throws Exception {
        Path out = dir.resolve("explained.jsonl");
        Path shot = dir.resolve("shot");
        CliRun r = CliRun.of("search", "--index", index.toString(), "--queries", tsv("q\tthe rover on the red planet\n"),
                "--mode", "dense", "--k", "3", "--explain", "--align-top", "2", "--attention-out", shot.toString(),
                "--attention-format", "json,html", "-o", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        JsonNode hits = read(out).get(0).get("hits");
        assertEquals("mars", hits.get(0).get("id").asText());
        JsonNode alignment = hits.get(0).get("alignment");
        assertEquals("late-interaction", alignment.get("kind").asText());
        assertEquals("rover", alignment.get("words").get(1).get("document_word").asText(), alignment.toString());
        assertTrue(hits.get(1).has("alignment"));
        assertFalse(hits.get(2).has("alignment"), "only the top 2");
        List<JsonNode> lines = read(shot.resolve("attention.jsonl"));
        assertEquals(2, lines.size());
        assertEquals("heed.alignment/2", lines.get(0).get("schema").asText());
        assertEquals("q/mars", lines.get(0).get("id").asText());
        assertTrue(Files.readString(shot.resolve("attention.html")).contains("late-interaction"));
        CliRun render = CliRun.of("align", "render", shot.resolve("attention.jsonl").toString(), "--format", "png",
                "--out", dir.resolve("rendered").toString());
        assertEquals(ExitCodes.OK, render.exitCode(), render.err());
    }

    @Test
    void evalSearchPrintsEveryModeAsTrecEvalWouldScoreTheRuns() throws Exception {
        Path runs = dir.resolve("runs");
        Path report = dir.resolve("report.json");
        CliRun r = CliRun.of("eval", "search", "--index", index.toString(), "--queries", queries.toString(),
                "--qrels", qrels.toString(), "--runs", runs.toString(), "--report", report.toString(),
                "--label", "tiny corpus");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("tiny corpus"), r.out());
        for (String mode : List.of("bm25", "dense", "hybrid", "rerank")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(mode + " ")), r.out());
        }
        JsonNode json = HeedJson.COMPACT.readTree(report.toFile());
        Qrels judged = Qrels.read(qrels);
        for (JsonNode row : json.get("modes")) {
            RetrievalMetrics m = TrecMetrics.evaluate(judged, TrecRun.read(runs.resolve(row.get("mode").asText() + ".run")));
            assertEquals(m.ndcg10(), row.get("ndcg_cut_10").asDouble(), 1e-12, row.toString());
            assertEquals(m.recall100(), row.get("recall_100").asDouble(), 1e-12);
            assertEquals(m.map1000(), row.get("map_cut_1000").asDouble(), 1e-12);
            assertEquals(m.mrr10(), row.get("recip_rank_10").asDouble(), 1e-12);
            assertEquals(3, row.get("queries").asInt());
        }
        JsonNode dense = json.get("modes").get(1);
        assertEquals("dense", dense.get("mode").asText());
        assertEquals(1.0, dense.get("ndcg_cut_10").asDouble(), 1e-12, "each dev query's document comes first");
    }

    @Test
    void fromIndexRequantizesWithoutEmbeddingAgain() throws Exception {
        Path int8 = dir.resolve("int8");
        CliRun r = CliRun.of("index", "--from-index", index.toString(), "--index", int8.toString(), "--quantization",
                "int8", "--model", "none");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.err().contains("with int8 vectors of all-minilm-l6-v2"), r.err());
        Path out = dir.resolve("int8.jsonl");
        CliRun s = CliRun.of("search", "--index", int8.toString(), "--queries", queries.toString(), "--mode", "dense",
                "-o", out.toString(), "-q");
        var top = new java.util.HashMap<String, String>();
        read(out).forEach(l -> top.put(l.get("id").asText(), l.get("hits").get(0).get("id").asText()));
        assertEquals("cat", top.get("q1"));
        assertEquals("mars", top.get("q5"));
        try (var reader = org.apache.lucene.index.DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(int8))) {
            assertEquals("int8", reader.getIndexCommit().getUserData().get("heed.quantization"));
            assertEquals(7, reader.numDocs());
        }
    }

    @Test
    void anotherModelIsRefusedAndBm25NeedsNoModel() throws Exception {
        CliRun r = CliRun.of("search", "--index", index.toString(), "--queries", queries.toString(), "--mode", "dense",
                "--model", "sst2", "-o", dir.resolve("x.jsonl").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("was embedded by all-minilm-l6-v2"), r.err());
        CliRun missing = CliRun.of("search", "--index", dir.resolve("none").toString(), "--queries", queries.toString(),
                "--mode", "bm25");
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertTrue(missing.err().contains("no index folder"), missing.err());
        assertFalse(missing.err().contains("Exception"), missing.err());
    }
}
