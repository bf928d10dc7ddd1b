package dev.heed.lucene;

import dev.heed.tasks.embedding.Embedding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * Searches an index that {@link HeedIndexer} (or {@code heed index}) built, in any {@link SearchMode}: BM25 with
 * the analyzer recorded in the index, dense with the model recorded there (another model is refused when this is
 * opened), hybrid by a {@link RankFusion} of the two, or hybrid's (or BM25's) top hits rescored by
 * {@link DenseRescorer}.
 *
 * <pre>{@code
 * try (DenseModel model = DenseModel.load("bge-small-en-v1.5", EmbeddingOptions.defaults());
 *         HeedSearcher searcher = HeedSearcher.open(Path.of("index"), Optional.of(model), HeedSearcher.Options.defaults())) {
 *     SearchResult result = searcher.search("do statins lower mortality?", SearchMode.HYBRID, 10, true);
 *     System.out.println(result.hits().get(0).explanation().orElseThrow());
 * }
 * }</pre>
 *
 * <p>Thread-safe (Lucene's searcher and the model are). Closes the index reader and the analyzer it opened, not
 * the model.
 */
public final class HeedSearcher implements AutoCloseable {

    /**
     * How the modes rank. Immutable.
     *
     * @param fusion how hybrid fuses BM25 and dense
     * @param depth how many hits each list of hybrid gives at least, and how many of BM25's top hits rerank
     *     rescores
     * @param rerankWeight the weight of the cosine in {@link DenseRescorer}
     * @param rerankFirstStage what rerank rescores: {@link SearchMode#BM25}'s or {@link SearchMode#HYBRID}'s top
     *     {@code depth} hits
     */
    public record Options(RankFusion fusion, int depth, double rerankWeight, SearchMode rerankFirstStage) {
        public Options {
            Objects.requireNonNull(fusion, "fusion");
            if (rerankFirstStage != SearchMode.BM25 && rerankFirstStage != SearchMode.HYBRID) {
                throw new IllegalArgumentException("rerank's first stage is bm25 or hybrid, got " + rerankFirstStage);
            }
            if (depth < 1) {
                throw new IllegalArgumentException("depth must be >= 1, got " + depth);
            }
            if (!(rerankWeight >= 0 && rerankWeight <= 1)) {
                throw new IllegalArgumentException("the rerank weight must be in [0, 1], got " + rerankWeight);
            }
        }

        /**
         * RRF with k = 60 over 100 hits a list; rerank of hybrid's top 100 with weight 0.5 (on SciFact's dev
         * queries 0.7617 nDCG@10, against 0.7544 for hybrid and 0.7173 for a rerank of BM25's top 100).
         */
        public static Options defaults() {
            return new Options(ReciprocalRankFusion.defaults(), 100, 0.5, SearchMode.HYBRID);
        }
    }

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final Optional<DenseQueries> dense;
    private final Options options;
    private final Path path;

    private HeedSearcher(Path path, DirectoryReader reader, Analyzer analyzer, Optional<DenseQueries> dense,
            Options options) {
        this.path = path;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.analyzer = analyzer;
        this.dense = dense;
        this.options = options;
    }

    /**
     * Opens the index in {@code dir}.
     *
     * @param model the embedding model for dense, hybrid and rerank; empty for BM25 only
     * @throws IllegalArgumentException when {@code dir} is missing, holds no index, or {@code model} is not the
     *     model the index was embedded by
     * @throws IOException when the index is damaged (the message names the folder and the fix)
     */
    public static HeedSearcher open(Path dir, Optional<DenseModel> model, Options options) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no index folder " + dir + ": build one with heed index --index " + dir);
        }
        DirectoryReader reader;
        try {
            reader = DirectoryReader.open(FSDirectory.open(dir));
        } catch (IndexNotFoundException e) {
            throw new IllegalArgumentException("no Lucene index in " + dir + " (no segments file): build one with"
                    + " heed index --index " + dir, e);
        } catch (CorruptIndexException | java.io.EOFException e) {
            throw new IOException("the index in " + dir + " is damaged (" + e.getMessage() + "): build it again with"
                    + " heed index --index " + dir, e);
        }
        try {
            var data = reader.getIndexCommit().getUserData();
            Analyzer analyzer = Analyzers.byName(data.getOrDefault(IndexedModel.PREFIX + "analyzer", "heed"));
            Optional<DenseQueries> dense = Optional.empty();
            if (model.isPresent()) {
                IndexedModel indexed = IndexedModel.of(data).orElseThrow(() -> new IllegalArgumentException(
                        "the index in " + dir + " has no vectors (it was built without a model): search it with"
                                + " --mode bm25, or build it again with --model"));
                dense = Optional.of(new DenseQueries(model.get(), indexed));
            }
            return new HeedSearcher(dir, reader, analyzer, dense, options);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The index's commit data: what {@link HeedIndexer} recorded ({@code heed.model}, {@code heed.analyzer}, ...). */
    public java.util.Map<String, String> commitData() throws IOException {
        return reader.getIndexCommit().getUserData();
    }

    /** The number of documents in the index. */
    public int documents() {
        return reader.numDocs();
    }

    /** The Lucene searcher, for queries of the caller's own. */
    public IndexSearcher searcher() {
        return searcher;
    }

    /** What the index records about its vectors; empty when it was opened without a model. */
    public Optional<IndexedModel> indexedModel() {
        return dense.map(DenseQueries::index);
    }

    /**
     * The BM25 query of {@code text} over the contents: one optional clause per analyzed term.
     *
     * @throws IllegalArgumentException when the text has no term left after analysis (empty, or only stop words
     *     and punctuation), or more distinct terms than Lucene's clause limit
     */
    public Query bm25Query(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an empty query: there is nothing to search for");
        }
        Query q;
        try {
            q = new QueryBuilder(analyzer).createBooleanQuery(HeedIndexer.CONTENTS, text);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new IllegalArgumentException("the query has more distinct words than Lucene's limit of "
                    + IndexSearcher.getMaxClauseCount() + " clauses: shorten it", e);
        }
        if (q == null) {
            throw new IllegalArgumentException("the query has no words to search for once stop words and punctuation"
                    + " are left out: '" + (text.length() > 80 ? text.substring(0, 80) + "..." : text) + "'");
        }
        return q;
    }

    /**
     * The top {@code k} hits of {@code text} in {@code mode}, each with its explanation when {@code explain}.
     *
     * @throws IllegalArgumentException for an empty query, one with no searchable words, one over Lucene's clause
     *     limit (BM25), or a dense mode on a searcher opened without a model
     */
    public SearchResult search(String text, SearchMode mode, int k, boolean explain) throws IOException {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (mode.dense() && dense.isEmpty()) {
            throw new IllegalArgumentException("--mode " + mode + " needs the index's embedding model; this searcher"
                    + " was opened for BM25 only");
        }
        int depth = Math.max(k, options.depth());
        switch (mode) {
            case BM25 -> {
                Query q = bm25Query(text);
                TopDocs top = bm25(q, k);
                return new SearchResult(hits(top, explain ? d -> searcher.explain(q, d) : null), 0);
            }
            case DENSE -> {
                Embedding e = dense.get().embed(text);
                Query q = dense.get().query(e.vector(), k);
                TopDocs top = searcher.search(q, k);
                return new SearchResult(hits(top, explain ? d -> searcher.explain(q, d) : null), e.truncatedTokens());
            }
            case HYBRID -> {
                Query lexical = bm25Query(text);
                Embedding e = dense.get().embed(text);
                Query semantic = dense.get().query(e.vector(), depth);
                List<TopDocs> lists = List.of(bm25(lexical, depth), searcher.search(semantic, depth));
                TopDocs fused = options.fusion().fuse(k, lists);
                return new SearchResult(hits(fused, explain ? d -> options.fusion().explain(d, lists,
                        List.of("bm25", "dense"), List.of(searcher.explain(lexical, d), searcher.explain(semantic, d)))
                        : null), e.truncatedTokens());
            }
            case RERANK -> {
                Query lexical = bm25Query(text);
                Embedding e = dense.get().embed(text);
                DenseRescorer rescorer = new DenseRescorer(dense.get().index().field(), e.vector(),
                        options.rerankWeight());
                if (options.rerankFirstStage() == SearchMode.BM25) {
                    TopDocs first = bm25(lexical, options.depth());
                    TopDocs rescored = rescorer.rescore(searcher, first, k);
                    return new SearchResult(hits(rescored, explain ? d -> rescorer.explain(searcher,
                            searcher.explain(lexical, d), d) : null), e.truncatedTokens());
                }
                Query semantic = dense.get().query(e.vector(), options.depth());
                List<TopDocs> lists = List.of(bm25(lexical, options.depth()), searcher.search(semantic, options.depth()));
                TopDocs first = options.fusion().fuse(options.depth(), lists);
                TopDocs rescored = rescorer.rescore(searcher, first, k);
                return new SearchResult(hits(rescored, explain ? d -> rescorer.explain(searcher,
                        options.fusion().explain(d, lists, List.of("bm25", "dense"), List.of(searcher.explain(lexical, d),
                                searcher.explain(semantic, d))), d) : null), e.truncatedTokens());
            }
            default -> throw new IllegalStateException("mode " + mode);
        }
    }

    private TopDocs bm25(Query q, int n) throws IOException {
        try {
            return searcher.search(q, n);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new IllegalArgumentException("the query has more distinct words than Lucene's limit of "
                    + IndexSearcher.getMaxClauseCount() + " clauses: shorten it", e);
        }
    }

    private interface Explainer {
        Explanation explain(int doc) throws IOException;
    }

    private List<SearchHit> hits(TopDocs top, Explainer explainer) throws IOException {
        List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
        var stored = searcher.storedFields();
        for (ScoreDoc d : top.scoreDocs) {
            String id = stored.document(d.doc).get(HeedIndexer.ID);
            hits.add(new SearchHit(d.doc, id == null ? "" : id, d.score,
                    explainer == null ? Optional.empty() : Optional.of(explainer.explain(d.doc))));
        }
        return hits;
    }

    /** The stored text fields of {@code doc}, joined by a space as they were embedded. */
    public String documentText(int doc) throws IOException {
        var document = searcher.storedFields().document(doc);
        String fields = reader.getIndexCommit().getUserData().getOrDefault(IndexedModel.PREFIX + "fields", "text");
        List<String> parts = new ArrayList<>();
        for (String f : fields.split(",")) {
            String v = document.get(f);
            if (v != null && !v.isBlank()) {
                parts.add(v.strip());
            }
        }
        return String.join(" ", parts);
    }

    /** The folder of the index. */
    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            analyzer.close();
        }
    }
}
