package dev.heed.lucene.beir;

import dev.heed.io.ReadOutcome;
import dev.heed.io.ReaderOptions;
import dev.heed.io.Record;
import dev.heed.io.RecordError;
import dev.heed.io.RecordFormat;
import dev.heed.io.RecordReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Queries to search: BEIR's {@code queries.jsonl} ({@code {"_id","text"}}) or TSV lines {@code id<TAB>text}
 * (no header), gzip or not. A line that cannot be read, has no id or an empty text, or repeats an id, is an error
 * with its line number, never dropped silently. Immutable.
 *
 * @param queries the good queries in file order
 * @param errors the bad lines
 */
public record QueryFile(List<Query> queries, List<RecordError> errors) {

    /**
     * One query. Immutable.
     *
     * @param line its line number
     * @param id its id
     * @param text its text
     */
    public record Query(long line, String id, String text) {
    }

    public QueryFile {
        queries = List.copyOf(queries);
        errors = List.copyOf(errors);
    }

    /** Reads {@code file}: JSON lines when its name ends in .jsonl, .json or .ndjson (through .gz), TSV else. */
    public static QueryFile read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.gz$", "");
        boolean json = name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson");
        List<Query> queries = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        if (json) {
            try (RecordReader reader = RecordReader.open(file, new ReaderOptions(RecordFormat.JSONL, "text",
                    Optional.of("_id"), ReaderOptions.DEFAULT_MAX_LINE_BYTES))) {
                for (ReadOutcome o = reader.next(); o != null; o = reader.next()) {
                    if (o instanceof RecordError e) {
                        errors.add(e);
                    } else if (o instanceof Record r) {
                        add(queries, errors, seen, r.line(), r.id(), r.text());
                    }
                }
            }
        } else {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(openStream(file),
                    StandardCharsets.UTF_8))) {
                long n = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    n++;
                    int tab = line.indexOf('\t');
                    if (line.isBlank()) {
                        errors.add(RecordError.atLine(n, RecordError.EMPTY_TEXT, "line is empty"));
                    } else if (tab <= 0) {
                        errors.add(RecordError.atLine(n, RecordError.BAD_ROW, "expected 'id<TAB>text'"
                                + (tab == 0 ? ", the id is empty" : ", there is no tab")));
                    } else if (line.substring(tab + 1).isBlank()) {
                        errors.add(new RecordError(n, line.substring(0, tab), RecordError.EMPTY_TEXT,
                                "the query text is empty", false));
                    } else {
                        add(queries, errors, seen, n, line.substring(0, tab), line.substring(tab + 1));
                    }
                }
            }
        }
        return new QueryFile(queries, errors);
    }

    private static java.io.InputStream openStream(Path file) throws IOException {
        java.io.InputStream raw = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file));
        raw.mark(2);
        int a = raw.read();
        int b = raw.read();
        raw.reset();
        return a == 0x1f && b == 0x8b ? new java.util.zip.GZIPInputStream(raw) : raw;
    }

    private static void add(List<Query> queries, List<RecordError> errors, Map<String, Long> seen, long line, String id,
            String text) {
        Long first = seen.putIfAbsent(id, line);
        if (first != null) {
            errors.add(new RecordError(line, id, "duplicate_id", "query id " + id + " is also on line " + first,
                    false));
            return;
        }
        queries.add(new Query(line, id, text));
    }
}
