package dev.heed.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.json.HeedJson;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads records from plain text, TSV or JSON lines, gzip-compressed or not (detected by content).
 *
 * <p>Every line gives exactly one {@link ReadOutcome}: a record, or an error naming the line and the
 * reason (invalid UTF-8, malformed JSON, missing field, empty text, over-long line, bad TSV row); a bad
 * line never stops reading. A problem with the whole input (a TSV header without the text column) is an
 * {@link IllegalArgumentException} when the reader is opened. An input that cannot be read any further (a
 * truncated or corrupt gzip file, a failing disk) is an {@link IOException} naming the input and the line.
 * Not thread-safe; the caller closes it.
 */
public final class RecordReader implements Closeable {

    private final InputStream raw;
    private final CountingInputStream counted;
    private final LineReader lines;
    private final ReaderOptions options;
    private final String name;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private List<String> columns = List.of();
    private int textColumn = -1;
    private int idColumn = -1;

    private RecordReader(InputStream raw, String name, ReaderOptions options) throws IOException {
        this.raw = raw;
        this.name = name;
        this.counted = new CountingInputStream(raw);
        BufferedInputStream buffered = new BufferedInputStream(counted, 1 << 16);
        InputStream decoded;
        try {
            buffered.mark(2);
            int b1 = buffered.read();
            int b2 = buffered.read();
            buffered.reset();
            decoded = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        } catch (IOException e) {
            throw ReadFailure.at(name, 1, e);
        }
        this.lines = new LineReader(decoded, options.maxLineBytes());
        this.options = options;
        if (options.format() == RecordFormat.TSV) {
            readHeader();
        }
    }

    /** Reads {@code in}, which the reader closes; {@code name} (a path, "standard input") is for messages. */
    public static RecordReader open(InputStream in, String name, ReaderOptions options) throws IOException {
        return new RecordReader(in, name, options);
    }

    /** Reads {@code in}, which the reader closes; messages call it "the input". */
    public static RecordReader open(InputStream in, ReaderOptions options) throws IOException {
        return new RecordReader(in, "the input", options);
    }

    /** Reads {@code file}. */
    public static RecordReader open(Path file, ReaderOptions options) throws IOException {
        return new RecordReader(Files.newInputStream(file), file.toString(), options);
    }

    private LineReader.Line nextLine() throws IOException {
        try {
            return lines.next();
        } catch (IOException e) {
            throw ReadFailure.at(name, lines.linesRead() + 1, e);
        }
    }

    private void readHeader() throws IOException {
        LineReader.Line header = nextLine();
        if (header == null || header.overLong()) {
            throw new IllegalArgumentException("the TSV input has no header line naming its columns");
        }
        String text = stripBom(decode(header.bytes()));
        columns = Arrays.stream(text.split("\t", -1)).map(String::strip).toList();
        textColumn = columns.indexOf(options.textField());
        if (textColumn < 0) {
            throw new IllegalArgumentException("the TSV header has no column '" + options.textField()
                    + "'; its columns are " + columns + ": pass --text-field with one of them");
        }
        if (options.idField().isPresent()) {
            idColumn = columns.indexOf(options.idField().get());
            if (idColumn < 0) {
                throw new IllegalArgumentException("the TSV header has no column '" + options.idField().get()
                        + "'; its columns are " + columns + ": pass --id-field with one of them");
            }
        } else {
            idColumn = columns.indexOf("id");   // as for JSON lines: "id" when there is one, else the line number
        }
    }

    /** The next outcome, or {@code null} at the end of input. */
    public ReadOutcome next() throws IOException {
        LineReader.Line line = nextLine();
        if (line == null) {
            return null;
        }
        long n = line.number();
        if (line.overLong()) {
            return RecordError.atLine(n, RecordError.LINE_TOO_LONG, "line is " + line.length()
                    + " bytes, over the limit of " + options.maxLineBytes() + " (raise --max-line-bytes)");
        }
        String text;
        try {
            text = decode(line.bytes());
        } catch (CharacterCodingException e) {
            return RecordError.atLine(n, RecordError.INVALID_UTF8,
                    "line is not valid UTF-8 (first bad byte at offset " + badByteOffset(line.bytes())
                            + "); convert the input to UTF-8");
        }
        if (n == 1) {
            text = stripBom(text);
        }
        return switch (options.format()) {
            case TEXT -> text(n, text);
            case TSV -> tsv(n, text);
            case JSONL -> jsonl(n, text, options);
        };
    }

    /**
     * The outcome of one decoded line of plain text or JSON lines, by the same rules as {@link #next()}: for
     * readers that split the input themselves (heed-spark reads a file's lines in parallel). Stateless.
     *
     * @param lineNumber the line's 1-based number in its input
     * @param line the line, decoded, without its line terminator (and without a byte-order mark)
     * @throws IllegalArgumentException for {@link RecordFormat#TSV}, whose rows need the header
     */
    public static ReadOutcome parseLine(long lineNumber, String line, ReaderOptions options) {
        return switch (options.format()) {
            case TEXT -> text(lineNumber, line);
            case JSONL -> jsonl(lineNumber, line, options);
            case TSV -> throw new IllegalArgumentException("a TSV row needs its header: read TSV with RecordReader");
        };
    }

    /** Bytes consumed from the underlying input (compressed bytes for gzip). */
    public long bytesRead() {
        return counted.count();
    }

    private static ReadOutcome text(long n, String text) {
        String id = Long.toString(n);
        if (text.isBlank()) {
            return RecordError.atLine(n, RecordError.EMPTY_TEXT, "line is empty or only whitespace");
        }
        return new Record(n, id, text, JsonNodeFactory.instance.objectNode(), true);
    }

    private ReadOutcome tsv(long n, String line) {
        String id = Long.toString(n);
        String[] cells = line.split("\t", -1);
        if (cells.length != columns.size()) {
            return RecordError.atLine(n, RecordError.BAD_ROW, "row has " + cells.length
                    + " columns but the header has " + columns.size() + " " + columns);
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < cells.length; i++) {
            fields.put(columns.get(i), cells[i]);
        }
        if (idColumn >= 0) {
            id = cells[idColumn];
        }
        String text = cells[textColumn];
        if (text.isBlank()) {
            return new RecordError(n, id, RecordError.EMPTY_TEXT, "column '" + options.textField() + "' is empty",
                    idColumn < 0);
        }
        return new Record(n, id, text, fields, idColumn < 0);
    }

    private static ReadOutcome jsonl(long n, String line, ReaderOptions options) {
        String id = Long.toString(n);
        if (line.isBlank()) {
            return RecordError.atLine(n, RecordError.EMPTY_TEXT, "line is empty");
        }
        JsonNode node;
        try {
            node = HeedJson.COMPACT.readTree(line);
        } catch (JsonProcessingException e) {
            return RecordError.atLine(n, RecordError.MALFORMED_JSON,
                    "line is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return RecordError.atLine(n, RecordError.MALFORMED_JSON, "line is JSON but not an object");
        }
        ObjectNode fields = (ObjectNode) node;
        String idName = options.idField().orElse("id");
        JsonNode idNode = fields.get(idName);
        boolean ownId = idNode != null && (idNode.isTextual() || idNode.isNumber());
        if (ownId) {
            id = idNode.asText();
        } else if (options.idField().isPresent()) {
            return RecordError.atLine(n, RecordError.MISSING_FIELD,
                    "no string or number field '" + idName + "' (--id-field)");
        }
        JsonNode textNode = fields.get(options.textField());
        if (textNode == null || !textNode.isTextual()) {
            return new RecordError(n, id, RecordError.MISSING_FIELD, "no string field '" + options.textField()
                    + "'" + (fields.size() > 0 ? "; fields are " + fieldNames(fields) : "")
                    + " (choose one with --text-field)", !ownId);
        }
        if (textNode.asText().isBlank()) {
            return new RecordError(n, id, RecordError.EMPTY_TEXT, "field '" + options.textField() + "' is empty",
                    !ownId);
        }
        return new Record(n, id, textNode.asText(), fields, !ownId);
    }

    private static List<String> fieldNames(ObjectNode fields) {
        List<String> names = new java.util.ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private String decode(byte[] bytes) throws CharacterCodingException {
        return utf8.decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private int badByteOffset(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        utf8.reset();
        utf8.decode(in, out, true);
        return in.position();
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
