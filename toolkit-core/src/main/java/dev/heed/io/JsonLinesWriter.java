package dev.heed.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.json.HeedJson;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes JSON values one per line, UTF-8, and counts the bytes written so that a run can record where
 * it stands. A write that fails (a full disk) is an {@link IOException} naming the destination and the line.
 * Not thread-safe; closes the stream only when asked to own it.
 */
public final class JsonLinesWriter implements AutoCloseable {

    private final OutputStream out;
    private final boolean owns;
    private final String name;
    private long bytes;
    private long lines;

    /**
     * @param out where lines go, buffered by the caller
     * @param startBytes bytes already in the destination (when appending)
     * @param startLines lines already in the destination (when appending)
     * @param owns whether {@link #close()} closes {@code out}
     * @param name the destination for messages: "the output file out.jsonl", "standard output"
     */
    public JsonLinesWriter(OutputStream out, long startBytes, long startLines, boolean owns, String name) {
        this.out = out;
        this.bytes = startBytes;
        this.lines = startLines;
        this.owns = owns;
        this.name = name;
    }

    /** Writes {@code value} and a newline. */
    public void write(JsonNode value) throws IOException {
        byte[] line = HeedJson.COMPACT.writeValueAsBytes(value);
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw failure("at line " + (lines + 1), e);
        }
        bytes += line.length + 1;
        lines++;
    }

    /** Bytes in the destination after everything written so far. */
    public long bytes() {
        return bytes;
    }

    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failure("after line " + lines, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (owns) {
                out.close();
            } else {
                out.flush();
            }
        } catch (IOException e) {
            throw failure("after line " + lines, e);
        }
    }

    private IOException failure(String where, IOException e) {
        return new IOException("cannot write " + name + " " + where + ": " + e.getMessage(), e);
    }
}
