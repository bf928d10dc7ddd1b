package dev.heed.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class RecordReaderTest {

    private static List<ReadOutcome> readAll(byte[] input, ReaderOptions options) throws IOException {
        List<ReadOutcome> all = new ArrayList<>();
        try (RecordReader reader = RecordReader.open(new ByteArrayInputStream(input), options)) {
            for (ReadOutcome o; (o = reader.next()) != null; ) {
                all.add(o);
            }
        }
        return all;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void parseLineReadsEachLineAsTheReaderDoes() throws IOException {
        List<String> lines = List.of("{\"id\":\"a\",\"text\":\"fine\",\"n\":1}", "{\"text\": \"broken",
                "{\"id\":7,\"text\":\"  \"}", "[1]", "{\"text\":\"no id\"}", "", "{\"id\":{},\"text\":\"x\"}");
        for (RecordFormat format : List.of(RecordFormat.JSONL, RecordFormat.TEXT)) {
            ReaderOptions options = ReaderOptions.of(format);
            List<ReadOutcome> read = readAll(utf8(String.join("\n", lines) + "\n"), options);
            for (int i = 0; i < lines.size(); i++) {
                assertEquals(read.get(i), RecordReader.parseLine(i + 1, lines.get(i), options), format + " line " + (i + 1));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> RecordReader.parseLine(1, "a\tb", ReaderOptions.of(RecordFormat.TSV)));
    }

    @Test
    void plainTextGivesOneRecordPerLineWithLineNumbersAsIds() throws IOException {
        List<ReadOutcome> all = readAll(utf8("\uFEFFfirst line\r\nsecond\n\n   \nlast without newline"),
                ReaderOptions.of(RecordFormat.TEXT));
        assertEquals(5, all.size());
        Record first = assertInstanceOf(Record.class, all.get(0));
        assertEquals("first line", first.text(), "BOM and CR removed");
        assertEquals("1", first.id());
        assertEquals(RecordError.EMPTY_TEXT, assertInstanceOf(RecordError.class, all.get(2)).kind());
        assertEquals(RecordError.EMPTY_TEXT, assertInstanceOf(RecordError.class, all.get(3)).kind());
        assertEquals("last without newline", ((Record) all.get(4)).text());
        assertEquals(5, all.get(4).line());
    }

    @Test
    void invalidUtf8IsAnErrorForThatLineOnly() throws IOException {
        byte[] input = concat(utf8("good\nbad "), new byte[] {(byte) 0xC3, (byte) 0x28}, utf8("\nalso good\n"));
        List<ReadOutcome> all = readAll(input, ReaderOptions.of(RecordFormat.TEXT));
        assertEquals(3, all.size());
        RecordError error = assertInstanceOf(RecordError.class, all.get(1));
        assertEquals(RecordError.INVALID_UTF8, error.kind());
        assertEquals(2, error.line());
        assertTrue(error.reason().contains("offset 4"), error.reason());
        assertEquals("also good", ((Record) all.get(2)).text());
    }

    @Test
    void aLineOverTheLimitIsSkippedAndReported() throws IOException {
        String huge = "x".repeat(1_000_000);
        List<ReadOutcome> all = readAll(utf8("before\n" + huge + "\nafter\n"),
                new ReaderOptions(RecordFormat.TEXT, "text", Optional.empty(), 512 * 1024));
        assertEquals(3, all.size());
        RecordError error = assertInstanceOf(RecordError.class, all.get(1));
        assertEquals(RecordError.LINE_TOO_LONG, error.kind());
        assertTrue(error.reason().contains("1000000 bytes"), error.reason());
        assertEquals("after", ((Record) all.get(2)).text());
    }

    @Test
    void jsonLinesKeepFieldsAndReportEachKindOfBadLine() throws IOException {
        String input = String.join("\n",
                "{\"id\":\"a\",\"text\":\"hello\",\"lang\":\"en\"}",
                "{\"text\": \"no id\"}",
                "{not json",
                "[1,2]",
                "{\"id\":\"c\",\"body\":\"wrong field\"}",
                "{\"id\":7,\"text\":\"   \"}",
                "{\"id\":8,\"text\":42}") + "\n";
        List<ReadOutcome> all = readAll(utf8(input), ReaderOptions.of(RecordFormat.JSONL));
        Record a = assertInstanceOf(Record.class, all.get(0));
        assertEquals("a", a.id());
        assertEquals("en", a.fields().get("lang").asText());
        assertEquals("2", ((Record) all.get(1)).id(), "no id field: the line number");
        assertEquals(RecordError.MALFORMED_JSON, ((RecordError) all.get(2)).kind());
        assertEquals(RecordError.MALFORMED_JSON, ((RecordError) all.get(3)).kind());
        RecordError missing = (RecordError) all.get(4);
        assertEquals(RecordError.MISSING_FIELD, missing.kind());
        assertEquals("c", missing.id());
        assertTrue(missing.reason().contains("body"), "lists the fields there are: " + missing.reason());
        assertEquals(RecordError.EMPTY_TEXT, ((RecordError) all.get(5)).kind());
        assertEquals(RecordError.MISSING_FIELD, ((RecordError) all.get(6)).kind());
    }

    @Test
    void tsvUsesTheHeaderAndReportsRaggedRows() throws IOException {
        String input = "sentence\tlabel\nit 's great \t1\nbad row\n\t0\n";
        ReaderOptions options = new ReaderOptions(RecordFormat.TSV, "sentence", Optional.of("label"),
                ReaderOptions.DEFAULT_MAX_LINE_BYTES);
        List<ReadOutcome> all = readAll(utf8(input), options);
        Record r = assertInstanceOf(Record.class, all.get(0));
        assertEquals(2, r.line());
        assertEquals("it 's great ", r.text());
        assertEquals("1", r.id());
        assertEquals("1", r.fields().get("label").asText());
        assertEquals(RecordError.BAD_ROW, ((RecordError) all.get(1)).kind());
        assertEquals(RecordError.EMPTY_TEXT, ((RecordError) all.get(2)).kind());
    }

    @Test
    void tsvWithoutTheTextColumnFailsAtOnceListingTheColumns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> readAll(utf8("sentence\tlabel\nx\t1\n"), ReaderOptions.of(RecordFormat.TSV)));
        assertTrue(e.getMessage().contains("[sentence, label]"), e.getMessage());
    }

    @Test
    void gzipIsDetectedByContent() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(utf8("{\"text\":\"zipped\"}\n"));
        }
        List<ReadOutcome> all = readAll(bytes.toByteArray(), ReaderOptions.of(RecordFormat.JSONL));
        assertEquals("zipped", ((Record) all.get(0)).text());
    }

    @Test
    void emptyInputHasNoRecords() throws IOException {
        try (RecordReader reader = RecordReader.open(new ByteArrayInputStream(new byte[0]),
                ReaderOptions.of(RecordFormat.TEXT))) {
            assertNull(reader.next());
        }
    }

    @Test
    void formatIsGuessedFromTheFileName() {
        assertEquals(RecordFormat.JSONL, RecordFormat.guess("a.jsonl.gz"));
        assertEquals(RecordFormat.TSV, RecordFormat.guess("dev.tsv"));
        assertEquals(RecordFormat.TEXT, RecordFormat.guess("train.en.gz"));
        assertThrows(IllegalArgumentException.class, () -> RecordFormat.parse("csv"));
    }

    /** 5,000 JSON lines, gzip-compressed and cut in half, as a download that stopped would leave them. */
    static byte[] truncatedGzip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (int i = 1; i <= 5_000; i++) {
                gz.write(utf8("{\"id\":\"" + i + "\",\"text\":\"line number " + i + " of a long file\"}\n"));
            }
        }
        byte[] all = bytes.toByteArray();
        return java.util.Arrays.copyOf(all, all.length / 2);
    }

    @Test
    void aTruncatedGzipInputIsAnErrorNamingTheFileAndTheLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path file = dir.resolve("reviews.jsonl.gz");
        java.nio.file.Files.write(file, truncatedGzip());
        List<ReadOutcome> read = new ArrayList<>();
        IOException e;
        try (RecordReader reader = RecordReader.open(file, ReaderOptions.of(RecordFormat.JSONL))) {
            e = assertThrows(IOException.class, () -> {
                for (ReadOutcome o; (o = reader.next()) != null; ) {
                    read.add(o);
                }
            });
        }
        assertTrue(read.size() > 1000, "the lines before the cut are read: " + read.size());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line " + (read.size() + 1)), "the line being read: " + e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aCorruptGzipHeaderIsAnErrorNamingTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path file = dir.resolve("broken.txt.gz");
        byte[] gz = truncatedGzip();
        gz[3] = (byte) 0xFF;   // reserved flag bits set: not a gzip header Java reads
        java.nio.file.Files.write(file, gz);
        IOException e = assertThrows(IOException.class, () -> {
            try (RecordReader reader = RecordReader.open(file, ReaderOptions.of(RecordFormat.TEXT))) {
                reader.next();
            }
        });
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
