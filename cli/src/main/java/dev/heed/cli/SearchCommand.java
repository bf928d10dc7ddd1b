package dev.heed.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.batch.OutputLines;
import dev.heed.io.JsonLinesWriter;
import dev.heed.io.RecordError;
import dev.heed.json.HeedJson;
import dev.heed.lucene.DenseModel;
import dev.heed.alignment.AlignmentWriter;
import dev.heed.lucene.HeedSearcher;
import dev.heed.lucene.LateInteraction;
import dev.heed.text.CoreNlpWordTokenizer;
import dev.heed.lucene.SearchHit;
import dev.heed.lucene.SearchMode;
import dev.heed.lucene.SearchResult;
import dev.heed.lucene.beir.QueryFile;
import dev.heed.lucene.eval.RankedDoc;
import dev.heed.lucene.eval.TrecRun;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code heed search}: queries against an index built by heed index, as JSON lines and a TREC run. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search an index built by heed index: one JSON line per query {\"id\",\"query\",\"hits\":[{\"rank\","
                + "\"id\",\"score\"}]} (with --explain each hit's Lucene explanation), and with --run a TREC run file.",
                "Queries: BEIR queries.jsonl ({\"_id\",\"text\"}) or TSV lines id<TAB>text. A bad line or a query that"
                        + " cannot be searched (empty, only stop words, too many words for BM25) goes to the errors"
                        + " file with its line number; a query past the model's 512 tokens is embedded by its first"
                        + " 512 (its line says \"truncated_tokens\")."},
        footer = {"", ExitCodes.HELP})
final class SearchCommand implements Callable<Integer> {

    @Option(names = "--queries", required = true, paramLabel = "FILE", description = "The queries.")
    Path queries;

    @Option(names = "--mode", defaultValue = "hybrid", paramLabel = "bm25|dense|hybrid|rerank",
            description = "How to rank (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--k", defaultValue = "10", paramLabel = "N", description = "Hits per query (default 10).")
    int k;

    @Option(names = "--explain", description = "Add each hit's explanation (what each part contributed) and, for the"
            + " top --align-top hits, the late-interaction alignment behind the dense score: each query word's best"
            + " document word and their cosine (with --attention-out, the full word alignment for the viewer).")
    boolean explain;

    @Option(names = "--align-top", defaultValue = "3", paramLabel = "N", description = "With --explain, the hits that"
            + " get a word alignment (default 3; each costs an encoder pass over the document).")
    int alignTop;

    @Mixin
    AttentionExportOptions export;

    @Option(names = "--run", paramLabel = "FILE", description = "Also write a TREC run (qid Q0 docid rank score tag).")
    Path run;

    @Option(names = {"-o", "--output"}, defaultValue = "-", paramLabel = "FILE|-",
            description = "The JSON lines (default: standard output).")
    String output;

    @Option(names = "--errors", paramLabel = "FILE", description = "Bad queries, one JSON line each (default:"
            + " OUTPUT.errors.jsonl beside a file output, standard error otherwise).")
    Path errors;

    @Option(names = {"-q", "--quiet"}, description = "No summary.")
    boolean quiet;

    @Mixin
    RankingOptions ranking;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SearchMode m = SearchMode.parse(mode);
        if (k < 1) {
            throw new IllegalArgumentException("--k must be >= 1, got " + k);
        }
        HeedSearcher.Options options = ranking.searcherOptions();
        QueryFile file = QueryFile.read(queries);
        PrintWriter err = spec.commandLine().getErr();
        boolean toStdout = output.equals("-");
        Path errorsFile = errors != null ? errors : toStdout ? null : Path.of(output + ".errors.jsonl")
                .resolveSibling(Path.of(output).getFileName().toString().replaceFirst("\\.jsonl$", "") + ".errors.jsonl");
        long start = System.nanoTime();
        int failed = file.errors().size();
        int truncated = 0;
        Optional<DenseModel> model = ranking.loadModel(m.dense());
        if (model.isEmpty() && explain && alignTop > 0) {
            model = ranking.loadModelIfIndexed();   // a BM25-only index explains without alignments
        }
        Optional<LateInteraction> late = Optional.empty();
        if (explain && alignTop > 0 && model.isPresent()) {
            late = Optional.of(LateInteraction.load(model.orElseThrow().name(),
                    dev.heed.engine.DeviceSelection.resolve(dev.heed.engine.DeviceChoice.parse(ranking.device)).device(),
                    new CoreNlpWordTokenizer()));
        }
        if (export.dir != null && late.isEmpty()) {
            throw new IllegalArgumentException("--attention-out writes the word alignments of --explain: add --explain");
        }
        try (HeedSearcher searcher = HeedSearcher.open(ranking.index, model, options);
                AutoCloseable lateClose = late.isPresent() ? late.get() : () -> { };
                AlignmentWriter alignments = export.dir == null ? null
                        : export.open(spec, false, true, model.orElseThrow().name()).orElseThrow();
                OutputStream out = toStdout ? new NonClosing(System.out) : Files.newOutputStream(Path.of(output));
                JsonLinesWriter lines = new JsonLinesWriter(out, 0, 0, false, toStdout ? "standard output" : output);
                Writer runWriter = run == null ? Writer.nullWriter() : Files.newBufferedWriter(run, StandardCharsets.UTF_8);
                ErrorSink sink = new ErrorSink(errorsFile, err)) {
            for (RecordError e : file.errors()) {
                sink.write(e);
            }
            for (QueryFile.Query q : file.queries()) {
                SearchResult result;
                try {
                    result = searcher.search(q.text(), m, k, explain);
                } catch (IllegalArgumentException e) {
                    failed++;
                    sink.write(new RecordError(q.line(), q.id(), "bad_query", e.getMessage(), false));
                    continue;
                }
                ObjectNode line = HeedJson.COMPACT.createObjectNode();
                line.put("id", q.id());
                line.put("query", q.text());
                if (result.truncatedQueryTokens() > 0) {
                    line.put("truncated_tokens", result.truncatedQueryTokens());
                    truncated++;
                }
                var hits = line.putArray("hits");
                List<RankedDoc> ranked = new ArrayList<>();
                int rank = 1;
                for (SearchHit h : result.hits()) {
                    ObjectNode hit = hits.addObject().put("rank", rank++).put("id", h.id()).put("score", h.score());
                    h.explanation().ifPresent(e -> hit.set("explanation", ExplanationJson.of(e)));
                    if (late.isPresent() && rank - 1 <= alignTop) {
                        LateInteraction.Result aligned = late.get().align(q.text(), searcher.documentText(h.doc()));
                        hit.set("alignment", AlignmentSummary.of(aligned));
                        if (alignments != null) {
                            alignments.write(q.id() + "/" + h.id(), aligned.alignment());
                        }
                    }
                    ranked.add(new RankedDoc(h.id(), h.score()));
                }
                lines.write(line);
                TrecRun.write(runWriter, q.id(), ranked, "heed-" + m);
            }
        } finally {
            model.ifPresent(DenseModel::close);
        }
        if (!quiet && export.dir != null) {
            err.println("heed: word alignments in " + export.dir + " (record ids QUERY/DOCUMENT)");
        }
        if (!quiet) {
            double seconds = (System.nanoTime() - start) / 1e9;
            int read = file.queries().size() + file.errors().size();
            err.printf("heed: read %,d, written %,d, failed %,d, truncated %,d in %.1f s (%.1f queries/s)%n", read,
                    read - failed, failed, truncated, seconds, (read - failed) / seconds);
            err.flush();
        }
        return failed > 0 ? ExitCodes.RECORDS_FAILED : ExitCodes.OK;
    }

    /** Standard output, left open. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
        }
    }

    /** Error lines to a file, or to standard error. */
    static final class ErrorSink implements AutoCloseable {
        private final JsonLinesWriter file;
        private final OutputStream stream;
        private final PrintWriter err;

        ErrorSink(Path path, PrintWriter err) throws java.io.IOException {
            this.err = err;
            this.stream = path == null ? null : Files.newOutputStream(path);
            this.file = path == null ? null : new JsonLinesWriter(stream, 0, 0, false, path.toString());
        }

        void write(RecordError e) throws java.io.IOException {
            if (file != null) {
                file.write(OutputLines.error(e));
            } else {
                err.println(HeedJson.COMPACT.writeValueAsString(OutputLines.error(e)));
                err.flush();
            }
        }

        @Override
        public void close() throws Exception {
            if (file != null) {
                file.close();
                stream.close();
            }
        }
    }
}
