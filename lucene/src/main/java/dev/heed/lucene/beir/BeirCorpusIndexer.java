package dev.heed.lucene.beir;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.batch.ProgressReporter;
import dev.heed.io.ReadOutcome;
import dev.heed.io.ReaderOptions;
import dev.heed.io.Record;
import dev.heed.io.RecordError;
import dev.heed.io.RecordFormat;
import dev.heed.io.RecordReader;
import dev.heed.lucene.Analyzers;
import dev.heed.lucene.DenseModel;
import dev.heed.lucene.HeedIndexer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.store.FSDirectory;

/**
 * Indexes a BEIR corpus ({@code corpus.jsonl[.gz]}: {@code {"_id","title","text",...}} per line) with
 * {@link HeedIndexer}, built aside and swapped in ({@link IndexFolder}). Each bad line is an error with its line
 * number and is not indexed: not UTF-8 ({@code invalid_utf8}), not a JSON object ({@code malformed_json}), no
 * {@code _id} ({@code missing_field}), no text in any field ({@code empty_text}), an id seen before
 * ({@code duplicate_id}: the first one is kept), nothing the model can read ({@code no_tokens}). Stateless.
 */
public final class BeirCorpusIndexer {

    /**
     * What a run did. Immutable.
     *
     * @param read lines read
     * @param indexed documents in the index
     * @param failed lines reported as errors
     * @param truncated documents embedded by their first 512 tokens only
     * @param seconds wall time
     */
    public record Summary(long read, long indexed, long failed, long truncated, double seconds) {
        /** Documents indexed per second. */
        public double rate() {
            return seconds > 0 ? indexed / seconds : 0;
        }
    }

    private BeirCorpusIndexer() {
    }

    /**
     * Indexes {@code corpus} into {@code index}; {@code errors} receives each bad line as it is found.
     *
     * @param analyzer the analyzer's name ({@link Analyzers#NAMES})
     */
    public static Summary index(Path corpus, Path index, Optional<DenseModel> model, String analyzer,
            HeedIndexer.Options options, Consumer<RecordError> errors, ProgressReporter progress) throws IOException {
        long start = System.nanoTime();
        return IndexFolder.buildAndSwap(index, folder -> {
            long[] failed = {0};
            long read = 0;
            Map<String, Long> ids = new HashMap<>();
            try (Analyzer a = Analyzers.byName(analyzer);
                    RecordReader reader = RecordReader.open(corpus, new ReaderOptions(RecordFormat.JSONL, "_id",
                            Optional.of("_id"), ReaderOptions.DEFAULT_MAX_LINE_BYTES));
                    HeedIndexer indexer = new HeedIndexer(FSDirectory.open(folder), a, analyzer, model, options,
                            (line, id, kind, reason) -> {
                                failed[0]++;
                                errors.accept(new RecordError(line, id, kind, reason, false));
                            })) {
                for (ReadOutcome o = reader.next(); o != null; o = reader.next()) {
                    read++;
                    if (o instanceof RecordError e) {
                        failed[0]++;
                        errors.accept(e);
                    } else if (o instanceof Record r) {
                        Long first = ids.putIfAbsent(r.id(), r.line());
                        if (first != null) {
                            failed[0]++;
                            errors.accept(new RecordError(r.line(), r.id(), "duplicate_id", "document id " + r.id()
                                    + " is also on line " + first + ", which is indexed", false));
                        } else {
                            indexer.add(r.line(), r.id(), texts(r.fields(), options));
                        }
                    }
                    progress.update(read, failed[0], reader.bytesRead());
                }
                indexer.commit();
                progress.close();
                return new Summary(read, indexer.documents(), failed[0], indexer.truncatedDocuments(),
                        (System.nanoTime() - start) / 1e9);
            }
        });
    }

    private static Map<String, String> texts(JsonNode fields, HeedIndexer.Options options) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String f : options.fields()) {
            JsonNode v = fields.get(f);
            texts.put(f, v == null || v.isNull() ? "" : v.isTextual() ? v.asText() : v.toString());
        }
        return texts;
    }
}
