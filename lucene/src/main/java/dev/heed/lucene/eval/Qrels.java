package dev.heed.lucene.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Relevance judgements: for each query id, the judged document ids and their relevance levels (0 = not relevant;
 * 1 and up = relevant, the level being the gain nDCG gives the document, as in trec_eval). Immutable.
 *
 * @param judgements query id to document id to level, in file order
 */
public record Qrels(Map<String, Map<String, Integer>> judgements) {

    public Qrels {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        judgements.forEach((q, docs) -> copy.put(q, Collections.unmodifiableMap(new LinkedHashMap<>(docs))));
        judgements = Collections.unmodifiableMap(copy);
    }

    /**
     * Reads TREC qrels ({@code qid iter docid rel}, whitespace-separated) or BEIR's TSV
     * ({@code query-id<TAB>corpus-id<TAB>score}, with or without that header); gzip or not.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed line, a level that is not an
     *     integer, or a document judged twice for one query
     */
    public static Qrels read(Path file) throws IOException {
        Map<String, Map<String, Integer>> judgements = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || (lineNumber == 1 && trimmed.startsWith("query-id"))) {
                    continue;
                }
                String[] f = trimmed.split("\\s+");
                String qid;
                String doc;
                String level;
                if (f.length == 4) {
                    qid = f[0];
                    doc = f[2];
                    level = f[3];
                } else if (f.length == 3) {
                    qid = f[0];
                    doc = f[1];
                    level = f[2];
                } else {
                    throw new IllegalArgumentException(file + " line " + lineNumber + ": expected 'qid 0 docid level'"
                            + " (TREC) or 'query-id<TAB>corpus-id<TAB>score' (BEIR), got " + f.length + " fields");
                }
                int rel;
                try {
                    rel = Integer.parseInt(level);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + lineNumber + ": relevance '" + level
                            + "' is not an integer");
                }
                Integer before = judgements.computeIfAbsent(qid, k -> new LinkedHashMap<>()).put(doc, rel);
                if (before != null) {
                    throw new IllegalArgumentException(file + " line " + lineNumber + ": document " + doc
                            + " is judged twice for query " + qid);
                }
            }
        }
        return new Qrels(judgements);
    }

    static InputStream open(Path file) throws IOException {
        InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file));
        raw.mark(2);
        int a = raw.read();
        int b = raw.read();
        raw.reset();
        return a == 0x1f && b == 0x8b ? new GZIPInputStream(raw) : raw;
    }

    /** The judgements of {@code queryId}; empty when it has none. */
    public Map<String, Integer> of(String queryId) {
        return judgements.getOrDefault(queryId, Map.of());
    }
}
