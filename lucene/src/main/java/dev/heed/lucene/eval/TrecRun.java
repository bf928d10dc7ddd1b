package dev.heed.lucene.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A TREC run: for each query id its ranked documents, written as {@code qid Q0 docid rank score tag} lines.
 * Immutable.
 *
 * @param rankings query id to its documents, best first
 */
public record TrecRun(Map<String, List<RankedDoc>> rankings) {

    public TrecRun {
        Map<String, List<RankedDoc>> copy = new LinkedHashMap<>();
        rankings.forEach((q, docs) -> copy.put(q, List.copyOf(docs)));
        rankings = Collections.unmodifiableMap(copy);
    }

    /**
     * Writes one query's ranking as TREC lines: rank from 1, the score as Java prints the float (which reads back
     * as the same float, so trec_eval orders the lines as Heed does).
     */
    public static void write(Writer out, String queryId, List<RankedDoc> docs, String tag) throws IOException {
        int rank = 1;
        for (RankedDoc d : docs) {
            out.write(queryId + " Q0 " + d.docId() + " " + rank++ + " " + (float) d.score() + " " + tag + "\n");
        }
    }

    /**
     * Reads a TREC run file.
     *
     * @throws IllegalArgumentException naming the file and line of a line without six fields, a score that is not a
     *     number, or a document listed twice for one query (trec_eval refuses those too)
     */
    public static TrecRun read(Path file) throws IOException {
        Map<String, List<RankedDoc>> rankings = new LinkedHashMap<>();
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Qrels.open(file), StandardCharsets.UTF_8))) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.strip().split("\\s+");
                if (f.length != 6) {
                    throw new IllegalArgumentException(file + " line " + lineNumber
                            + ": expected 'qid Q0 docid rank score tag', got " + f.length + " fields");
                }
                double score;
                try {
                    score = Double.parseDouble(f[4]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + lineNumber + ": score '" + f[4]
                            + "' is not a number");
                }
                if (!seen.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[2])) {
                    throw new IllegalArgumentException(file + " line " + lineNumber + ": document " + f[2]
                            + " is listed twice for query " + f[0]);
                }
                rankings.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new RankedDoc(f[2], score));
            }
        }
        return new TrecRun(rankings);
    }

    /** The ranking of {@code queryId}; empty when the run has none. */
    public List<RankedDoc> of(String queryId) {
        return rankings.getOrDefault(queryId, List.of());
    }
}
