package dev.heed.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.json.HeedJson;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes JSON values one per line, UTF-8, and counts the bytes written so that a run can record where
 * it stands. Not thread-safe; closes the stream only when asked to own it.
 */
public final class JsonLinesWriter implements AutoCloseable {

    private final OutputStream out;
    private final boolean owns;
    private long bytes;

    /**
     * @param out where lines go, buffered by the caller
     * @param startBytes bytes already in the destination (when appending)
     * @param owns whether {@link #close()} closes {@code out}
     */
    public JsonLinesWriter(OutputStream out, long startBytes, boolean owns) {
        this.out = out;
        this.bytes = startBytes;
        this.owns = owns;
    }

    /** Writes {@code value} and a newline. */
    public void write(JsonNode value) throws IOException {
        byte[] line = HeedJson.COMPACT.writeValueAsBytes(value);
        out.write(line);
        out.write('\n');
        bytes += line.length + 1;
    }

    /** Bytes in the destination after everything written so far. */
    public long bytes() {
        return bytes;
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (owns) {
            out.close();
        } else {
            out.flush();
        }
    }
}
