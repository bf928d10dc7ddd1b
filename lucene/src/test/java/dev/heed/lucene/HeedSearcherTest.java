package dev.heed.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heed.tasks.embedding.EmbeddingOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real index of a tiny corpus with all-MiniLM-L6-v2 vectors: every mode, the model check, bad input. */
class HeedSearcherTest {

    @TempDir
    static Path dir;
    static DenseModel model;
    static Path index;
    static List<String> indexing;

    @BeforeAll
    static void build() throws Exception {
        System.setProperty("heed.home", dir.resolve("home").toString());
        model = DenseModel.load("all-minilm-l6-v2", EmbeddingOptions.defaults());
        index = dir.resolve("index");
        indexing = TinyCorpus.build(index, Optional.of(model), VectorQuantization.NONE,
                Map.of("long", new String[] {"Long", "word ".repeat(700)}, "empty", new String[] {"", " "},
                        "invisible", new String[] {"", "\u200B\u2063"}));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static HeedSearcher open() throws IOException {
        return HeedSearcher.open(index, Optional.of(model), HeedSearcher.Options.defaults());
    }

    @Test
    void indexingCountsLongDocumentsAndReportsEmptyOnes() throws IOException {
        assertEquals(List.of("empty:empty_text", "invisible:no_tokens", "truncated=1"), indexing.stream().sorted().toList());
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            assertEquals(9, reader.numDocs(), "8 documents and the long one; the empty and invisible ones are not");
            IndexedModel recorded = IndexedModel.of(reader);
            assertEquals(new IndexedModel("all-minilm-l6-v2", 384, "mean", "vector", VectorQuantization.NONE, "heed"),
                    recorded);
        }
    }

    @Test
    void denseFindsByMeaningWhereBm25NeedsTheWords() throws IOException {
        try (HeedSearcher s = open()) {
            // no word in common with the cat document but the meaning
            assertEquals("cat", s.search("a kitten napping on the couch", SearchMode.DENSE, 3, false).hits().get(0).id());
            assertEquals("rain", s.search("umbrella weather forecast storm", SearchMode.DENSE, 1, false).hits().get(0).id());
            assertEquals("bread", s.search("bake bread", SearchMode.BM25, 1, false).hits().get(0).id());
            assertTrue(s.search("a kitten napping on the couch", SearchMode.BM25, 3, false).hits().stream()
                    .noneMatch(h -> h.id().equals("cat")), "BM25 has no word to match");
        }
    }

    @Test
    void hybridIsTheReciprocalRankFusionOfBothListsAndExplainsIt() throws IOException {
        try (HeedSearcher s = open()) {
            String q = "the rover on Mars";
            SearchResult hybrid = s.search(q, SearchMode.HYBRID, 5, true);
            List<SearchHit> bm25 = s.search(q, SearchMode.BM25, 100, false).hits();
            List<SearchHit> dense = s.search(q, SearchMode.DENSE, 100, false).hits();
            assertEquals("mars", hybrid.hits().get(0).id());
            for (SearchHit h : hybrid.hits()) {
                double expected = 0;
                int rb = ranks(bm25).getOrDefault(h.id(), 0);
                int rd = ranks(dense).getOrDefault(h.id(), 0);
                expected += rb > 0 ? 1.0 / (60 + rb) : 0;
                expected += rd > 0 ? 1.0 / (60 + rd) : 0;
                assertEquals(expected, h.score(), 1e-6, h.id());
                Explanation e = h.explanation().orElseThrow();
                assertEquals(h.score(), e.getValue().floatValue(), 1e-6);
                assertTrue(e.getDescription().startsWith("reciprocal rank fusion (k = 60)"), e.toString());
                assertEquals(2, e.getDetails().length);
                assertTrue(e.getDetails()[0].getDescription().startsWith("bm25"), e.toString());
                assertTrue(e.getDetails()[1].getDescription().startsWith("dense"), e.toString());
            }
        }
    }

    private static Map<String, Integer> ranks(List<SearchHit> hits) {
        return IntStream.range(0, hits.size()).boxed().collect(Collectors.toMap(i -> hits.get(i).id(), i -> i + 1));
    }

    @Test
    void linearFusionWeighsNormalizedScores() throws IOException {
        try (HeedSearcher s = open()) {
            TopDocs a = s.searcher().search(s.bm25Query("stock market shares"), 10);
            TopDocs b = new TopDocs(a.totalHits, a.scoreDocs.clone());
            LinearFusion onlyFirst = new LinearFusion(ScoreNormalization.MIN_MAX, List.of(1.0, 0.0));
            TopDocs fused = onlyFirst.fuse(3, List.of(a, b));
            assertEquals(a.scoreDocs[0].doc, fused.scoreDocs[0].doc);
            assertEquals(1.0f, fused.scoreDocs[0].score, "the best min-max normalized score is 1");
            double[] l2 = ScoreNormalization.L2.apply(new float[] {3, 4});
            assertEquals(0.6, l2[0], 1e-9);
            assertEquals(0.8, l2[1], 1e-9);
            Explanation e = onlyFirst.explain(fused.scoreDocs[0].doc, List.of(a, b), List.of("x", "y"),
                    List.of(Explanation.match(1, "x"), Explanation.match(1, "y")));
            assertEquals(1.0f, e.getValue().floatValue());
        }
    }

    @Test
    void rerankRescoresBm25sTopHitsByTheExactCosine() throws IOException {
        try (HeedSearcher s = open()) {
            String q = "the team and the band";   // BM25 finds football and guitar by the shared words
            float[] v = model.embed(List.of(q)).get(0).vector();
            TopDocs first = s.searcher().search(s.bm25Query(q), 100);
            DenseRescorer cosineOnly = new DenseRescorer("vector", v, 1.0);
            TopDocs rescored = cosineOnly.rescore(s.searcher(), first, 10);
            assertEquals(first.scoreDocs.length, rescored.scoreDocs.length);
            for (int i = 1; i < rescored.scoreDocs.length; i++) {
                assertTrue(rescored.scoreDocs[i - 1].score >= rescored.scoreDocs[i].score);
            }
            for (var d : rescored.scoreDocs) {
                float[] docVector = model.embed(List.of(s.documentText(d.doc))).get(0).vector();
                double dot = 0;
                for (int i = 0; i < v.length; i++) {
                    dot += v[i] * docVector[i];
                }
                assertEquals(dot, d.score, 1e-4, "the score is the cosine with the stored vector");
            }
            SearchResult rerank = s.search(q, SearchMode.RERANK, 3, true);   // by default, hybrid's top hits
            Explanation e = rerank.hits().get(0).explanation().orElseThrow();
            assertEquals(rerank.hits().get(0).score(), e.getValue().floatValue(), 1e-6);
            assertTrue(e.toString().contains("cosine") && e.toString().contains("first-pass")
                    && e.toString().contains("reciprocal rank fusion"), e.toString());
        }
        var bm25First = new HeedSearcher.Options(ReciprocalRankFusion.defaults(), 100, 0.5, SearchMode.BM25);
        try (HeedSearcher s = HeedSearcher.open(index, Optional.of(model), bm25First)) {
            String q = "the team and the band";
            List<String> lexical = s.search(q, SearchMode.BM25, 100, false).hits().stream().map(SearchHit::id).toList();
            SearchResult rerank = s.search(q, SearchMode.RERANK, 10, true);
            assertTrue(rerank.hits().stream().allMatch(h -> lexical.contains(h.id())), "only BM25's hits");
            assertFalse(rerank.hits().get(0).explanation().orElseThrow().toString().contains("reciprocal"));
        }
    }

    @Test
    void rerankRescoresOnlyBm25OrHybrid() {
        assertThrows(IllegalArgumentException.class,
                () -> new HeedSearcher.Options(ReciprocalRankFusion.defaults(), 100, 0.5, SearchMode.DENSE));
    }

    @Test
    void aQueryModelOtherThanTheIndexsIsRefused() throws Exception {
        var other = new EmbeddingOptions(ai.djl.Device.cpu(), Optional.of("cls"), dev.heed.tasks.embedding.LongInputPolicy.TRUNCATE);
        try (DenseModel cls = DenseModel.load("all-minilm-l6-v2", other)) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> HeedSearcher.open(index, Optional.of(cls), HeedSearcher.Options.defaults()));
            assertTrue(e.getMessage().contains("all-minilm-l6-v2 (384 dimensions, mean pooling)")
                    && e.getMessage().contains("cls pooling"), e.getMessage());
        }
        IndexedModel bge = new IndexedModel("bge-small-en-v1.5", 384, "cls", "vector", VectorQuantization.NONE, "heed");
        var e = assertThrows(IllegalArgumentException.class, () -> model.requireSameModelAs(bge));
        assertTrue(e.getMessage().contains("embed queries with bge-small-en-v1.5"), e.getMessage());
    }

    @Test
    void badQueriesAndBadIndexFoldersAreClearErrors() throws IOException {
        try (HeedSearcher s = open()) {
            for (SearchMode mode : SearchMode.values()) {
                var e = assertThrows(IllegalArgumentException.class, () -> s.search("  ", mode, 3, false));
                assertTrue(e.getMessage().contains("empty query"), e.getMessage());
            }
            var e = assertThrows(IllegalArgumentException.class, () -> s.search("the of and", SearchMode.BM25, 3, false));
            assertTrue(e.getMessage().contains("stop words"), e.getMessage());
            String huge = IntStream.range(0, 10_000).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
            e = assertThrows(IllegalArgumentException.class, () -> s.search(huge, SearchMode.BM25, 3, false));
            assertTrue(e.getMessage().contains("clauses"), e.getMessage());
            SearchResult dense = s.search(huge, SearchMode.DENSE, 3, false);
            assertTrue(dense.truncatedQueryTokens() > 9_000, "the cut is counted: " + dense.truncatedQueryTokens());
        }
        var missing = assertThrows(IllegalArgumentException.class,
                () -> HeedSearcher.open(dir.resolve("nowhere"), Optional.empty(), HeedSearcher.Options.defaults()));
        assertTrue(missing.getMessage().contains("no index folder"), missing.getMessage());
        Path empty = Files.createDirectories(dir.resolve("empty-index"));
        var none = assertThrows(IllegalArgumentException.class,
                () -> HeedSearcher.open(empty, Optional.empty(), HeedSearcher.Options.defaults()));
        assertTrue(none.getMessage().contains("no Lucene index"), none.getMessage());

        Path broken = dir.resolve("broken");
        TinyCorpus.build(broken, Optional.empty(), VectorQuantization.NONE, Map.of());
        try (var files = Files.list(broken)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".si")).toList()) {
                Files.write(f, new byte[] {1, 2, 3});
            }
        }
        var damaged = assertThrows(IOException.class,
                () -> HeedSearcher.open(broken, Optional.empty(), HeedSearcher.Options.defaults()));
        assertTrue(damaged.getMessage().contains("is damaged"), damaged.getMessage());
        Path bm25Only = dir.resolve("bm25-only");
        TinyCorpus.build(bm25Only, Optional.empty(), VectorQuantization.NONE, Map.of());
        var noVectors = assertThrows(IllegalArgumentException.class,
                () -> HeedSearcher.open(bm25Only, Optional.of(model), HeedSearcher.Options.defaults()));
        assertTrue(noVectors.getMessage().contains("has no vectors"), noVectors.getMessage());
        try (HeedSearcher s = HeedSearcher.open(bm25Only, Optional.empty(), HeedSearcher.Options.defaults())) {
            assertEquals("bread", s.search("bake bread", SearchMode.BM25, 1, false).hits().get(0).id());
            var needsModel = assertThrows(IllegalArgumentException.class, () -> s.search("bread", SearchMode.DENSE, 1, false));
            assertFalse(needsModel.getMessage().isEmpty());
        }
    }

    @Test
    void int8QuantizationIsWrittenPerFieldAndStillFindsTheSameDocuments() throws IOException {
        Path quantized = dir.resolve("int8");
        TinyCorpus.build(quantized, Optional.of(model), VectorQuantization.INT8, Map.of());
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(quantized))) {
            for (LeafReaderContext leaf : reader.leaves()) {
                FieldInfo info = leaf.reader().getFieldInfos().fieldInfo("vector");
                assertEquals(org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat.NAME,
                        info.getAttribute("PerFieldKnnVectorsFormat.format"));
            }
            assertEquals(VectorQuantization.INT8, IndexedModel.of(reader).quantization());
        }
        try (HeedSearcher s = HeedSearcher.open(quantized, Optional.of(model), HeedSearcher.Options.defaults())) {
            assertEquals("cat", s.search("a kitten napping on the couch", SearchMode.DENSE, 1, false).hits().get(0).id());
            assertEquals("mars", s.search("space exploration robot", SearchMode.DENSE, 1, false).hits().get(0).id());
        }
    }
}
