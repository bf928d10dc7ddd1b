package dev.heed.lucene;

import dev.heed.tasks.embedding.Embedding;
import dev.heed.text.NoTokensException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.Directory;

/**
 * Writes documents into a Lucene index the way Heed searches them: the id ({@value #ID}, stored, exact), each text
 * field stored and analyzed under its own name, all of them joined by a space in {@value #CONTENTS} (analyzed, for
 * BM25), and, with a {@link DenseModel}, the unit vector of the joined text in a {@link KnnFloatVectorField}
 * (DOT_PRODUCT, HNSW, quantized or not). A text longer than the model takes is embedded by its first 512 tokens
 * (the model's window): the document's other words are still in {@value #CONTENTS}, and the cut is counted
 * ({@link #truncatedDocuments()}). Documents are embedded in batches sorted by length to cut padding. On
 * {@link #commit()} the model is recorded in the commit data ({@link IndexedModel}).
 *
 * <p>Not thread-safe. Closes the index writer it opened; not the directory, the analyzer or the model.
 */
public final class HeedIndexer implements AutoCloseable {

    /** The stored, exact id field. */
    public static final String ID = "id";
    /** The analyzed field that holds every text field, joined by a space. */
    public static final String CONTENTS = "contents";
    /** The default vector field. */
    public static final String VECTOR = "vector";

    /** What went wrong with one document: it is not in the index. */
    public interface Failures {
        /** Document {@code id} from {@code line} was not indexed; {@code kind} as the errors file names it. */
        void failed(long line, String id, String kind, String reason);
    }

    /**
     * How documents are written. Immutable.
     *
     * @param fields the text fields, in the order they are joined
     * @param vectorField the vector field's name
     * @param quantization how vectors are kept in the graph
     * @param batchSize documents embedded at once
     */
    public record Options(List<String> fields, String vectorField, VectorQuantization quantization, int batchSize) {
        public Options {
            fields = List.copyOf(fields);
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("at least one text field");
            }
            for (String f : fields) {
                if (f.equals(ID) || f.equals(CONTENTS) || f.equals(vectorField)) {
                    throw new IllegalArgumentException("text field '" + f + "' would clash with Heed's own fields "
                            + List.of(ID, CONTENTS, vectorField));
                }
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
            }
        }

        /** BEIR's fields {@code title} and {@code text}, field {@code vector}, no quantization, batches of 16. */
        public static Options beir() {
            return new Options(List.of("title", "text"), VECTOR, VectorQuantization.NONE, 16);
        }
    }

    private record Pending(long line, String id, Map<String, String> fields, String joined) {
    }

    private final IndexWriter writer;
    private final Optional<DenseModel> model;
    private final Options options;
    private final String analyzerName;
    private final Failures failures;
    private final List<Pending> pending = new ArrayList<>();
    private long documents;
    private long truncated;

    /**
     * Opens a new index in {@code directory} (anything there is replaced on the first commit).
     *
     * @param analyzerName recorded in the commit data so searches analyze queries alike ({@code heed}, {@code english})
     */
    public HeedIndexer(Directory directory, Analyzer analyzer, String analyzerName, Optional<DenseModel> model,
            Options options, Failures failures) throws IOException {
        this.model = Objects.requireNonNull(model, "model");
        this.options = Objects.requireNonNull(options, "options");
        this.analyzerName = Objects.requireNonNull(analyzerName, "analyzerName");
        this.failures = Objects.requireNonNull(failures, "failures");
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(128).setCodec(VectorCodecs.forField(options.vectorField(), options.quantization()));
        this.writer = new IndexWriter(directory, config);
    }

    /**
     * Adds a document (buffered until a batch is full). Fields missing from {@code fields} count as empty.
     *
     * @return false when the document has no text in any field: it is reported as {@code empty_text}, not indexed
     */
    public boolean add(long line, String id, Map<String, String> fields) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        for (String f : options.fields()) {
            String value = fields.getOrDefault(f, "");
            texts.put(f, value);
            if (!value.isBlank()) {
                parts.add(value.strip());
            }
        }
        if (parts.isEmpty()) {
            failures.failed(line, id, "empty_text", "document " + id + " has no text in " + options.fields());
            return false;
        }
        pending.add(new Pending(line, id, texts, String.join(" ", parts)));
        if (pending.size() >= options.batchSize() * 4) {
            flush();
        }
        return true;
    }

    private void flush() throws IOException {
        List<Pending> batch = new ArrayList<>(pending);
        pending.clear();
        if (model.isEmpty()) {
            for (Pending p : batch) {
                write(p, null);
            }
            return;
        }
        batch.sort(Comparator.comparingInt(p -> p.joined().length()));
        for (int from = 0; from < batch.size(); from += options.batchSize()) {
            List<Pending> slice = batch.subList(from, Math.min(batch.size(), from + options.batchSize()));
            List<Embedding> vectors;
            try {
                vectors = model.get().embed(slice.stream().map(Pending::joined).toList());
            } catch (NoTokensException e) {
                vectors = null;   // embed one by one below: only the texts with nothing to read fail
            }
            for (int i = 0; i < slice.size(); i++) {
                Embedding v;
                if (vectors != null) {
                    v = vectors.get(i);
                } else {
                    try {
                        v = model.get().embed(List.of(slice.get(i).joined())).get(0);
                    } catch (NoTokensException e) {
                        failures.failed(slice.get(i).line(), slice.get(i).id(), "no_tokens", "document "
                                + slice.get(i).id() + " has no words for " + model.get().name() + " to read");
                        continue;
                    }
                }
                write(slice.get(i), v);
            }
        }
    }

    private void write(Pending p, Embedding vector) throws IOException {
        Document doc = new Document();
        doc.add(new StringField(ID, p.id(), Field.Store.YES));
        p.fields().forEach((name, value) -> doc.add(new StoredField(name, value)));
        doc.add(new TextField(CONTENTS, p.joined(), Field.Store.NO));
        if (vector != null) {
            doc.add(new KnnFloatVectorField(options.vectorField(), vector.vector(),
                    VectorSimilarityFunction.DOT_PRODUCT));
            if (vector.truncatedTokens() > 0) {
                truncated++;
            }
        }
        writer.addDocument(doc);
        documents++;
    }

    /** Writes what is buffered, records the model in the commit data and commits. */
    public void commit() throws IOException {
        flush();
        Map<String, String> data = new LinkedHashMap<>();
        data.put(IndexedModel.PREFIX + "analyzer", analyzerName);
        data.put(IndexedModel.PREFIX + "fields", String.join(",", options.fields()));
        model.ifPresent(m -> data.putAll(m.describe(options.vectorField(), options.quantization(), analyzerName)
                .userData()));
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    /** Documents written so far (not counting those still buffered). */
    public long documents() {
        return documents;
    }

    /** Documents whose text was cut to the model's window before it was embedded. */
    public long truncatedDocuments() {
        return truncated;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
