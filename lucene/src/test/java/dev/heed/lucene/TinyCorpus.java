package dev.heed.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.store.FSDirectory;

/** A corpus of a few documents on distinct topics, made in code, and the index HeedIndexer builds of it. */
final class TinyCorpus {

    static final Map<String, String[]> DOCS = new LinkedHashMap<>();

    static {
        DOCS.put("cat", new String[] {"Cats at home", "A cat sleeps on the sofa all afternoon and purrs."});
        DOCS.put("stock", new String[] {"Markets", "The stock market fell sharply as investors sold shares."});
        DOCS.put("rain", new String[] {"Weather", "Heavy rain and strong winds are expected tomorrow."});
        DOCS.put("bread", new String[] {"Baking", "Knead the dough, let it rise, then bake the bread for an hour."});
        DOCS.put("football", new String[] {"Sport", "The team scored twice in the second half to win the match."});
        DOCS.put("vaccine", new String[] {"Medicine", "The vaccine trial showed strong protection against the virus."});
        DOCS.put("guitar", new String[] {"Music", "She plays the guitar in a band every weekend."});
        DOCS.put("mars", new String[] {"Space", "The rover collected rock samples on the surface of Mars."});
    }

    private TinyCorpus() {
    }

    /** Indexes the corpus (plus {@code extra} documents) into {@code dir}; returns the indexer's failures. */
    static List<String> build(Path dir, Optional<DenseModel> model, VectorQuantization q,
            Map<String, String[]> extra) throws IOException {
        List<String> failures = new ArrayList<>();
        Map<String, String[]> all = new LinkedHashMap<>(DOCS);
        all.putAll(extra);
        try (Analyzer analyzer = Analyzers.byName("heed");
                HeedIndexer indexer = new HeedIndexer(FSDirectory.open(dir), analyzer, "heed", model,
                        new HeedIndexer.Options(List.of("title", "text"), HeedIndexer.VECTOR, q, 3),
                        (line, id, kind, reason) -> failures.add(id + ":" + kind))) {
            long line = 0;
            for (var e : all.entrySet()) {
                indexer.add(++line, e.getKey(), Map.of("title", e.getValue()[0], "text", e.getValue()[1]));
            }
            indexer.commit();
            failures.add("truncated=" + indexer.truncatedDocuments());
        }
        return failures;
    }
}
