package dev.heed.lucene.beir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heed.io.RecordError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries as TSV or BEIR JSON lines: every bad line is an error with its line number. */
class QueryFileTest {

    @Test
    void tsvAndJsonLinesWithTheirBadLines(@TempDir Path dir) throws Exception {
        Path tsv = dir.resolve("q.tsv");
        Files.writeString(tsv, "1\tstatins and mortality\nno tab here\n2\t \n1\tagain\n\n3\tlast one\n");
        QueryFile q = QueryFile.read(tsv);
        assertEquals(List.of("1", "3"), q.queries().stream().map(QueryFile.Query::id).toList());
        assertEquals(List.of(2L, 3L, 4L, 5L), q.errors().stream().map(RecordError::line).toList());
        assertEquals(List.of("bad_row", "empty_text", "duplicate_id", "empty_text"),
                q.errors().stream().map(RecordError::kind).toList());
        Path jsonl = dir.resolve("q.jsonl");
        Files.writeString(jsonl, "{\"_id\":\"7\",\"text\":\"vitamin D\"}\n{\"_id\":\"8\"}\n{oops\n");
        QueryFile j = QueryFile.read(jsonl);
        assertEquals(List.of("7"), j.queries().stream().map(QueryFile.Query::id).toList());
        assertEquals(List.of("missing_field", "malformed_json"), j.errors().stream().map(RecordError::kind).toList());
    }
}
