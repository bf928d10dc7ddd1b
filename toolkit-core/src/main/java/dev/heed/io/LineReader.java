package dev.heed.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines as raw bytes, split at {@code '\n'} with a trailing {@code '\r'} removed, so that each line
 * can be decoded strictly on its own. A line longer than the limit is skipped to its end without being
 * held in memory and reported as over-long. Not thread-safe; does not close the stream.
 */
final class LineReader {

    /** One line: its number, bytes (empty when over-long) and full length in bytes. */
    record Line(long number, byte[] bytes, long length, boolean overLong) {
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private long number;
    private boolean eof;

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** Lines returned so far: the number of the last one. */
    long linesRead() {
        return number;
    }

    /** The next line, or {@code null} at the end of input. */
    Line next() throws IOException {
        if (eof && pos >= limit) {
            return null;
        }
        byte[] line = new byte[128];
        int size = 0;
        long length = 0;
        boolean sawAny = false;
        while (true) {
            if (pos >= limit) {
                limit = in.read(buffer);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    eof = true;
                    if (!sawAny) {
                        return null;
                    }
                    break;
                }
            }
            sawAny = true;
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            int chunk = pos - start;
            length += chunk;
            if (length <= maxBytes + 1L) {
                if (size + chunk > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, size + chunk));
                }
                System.arraycopy(buffer, start, line, size, chunk);
                size += chunk;
            }
            if (pos < limit) {
                pos++; // consume '\n'
                break;
            }
        }
        number++;
        if (size > 0 && line[size - 1] == '\r' && length <= maxBytes + 1L) {
            size--;
            length--;
        }
        if (length > maxBytes) {
            return new Line(number, new byte[0], length, true);
        }
        return new Line(number, Arrays.copyOf(line, size), length, false);
    }
}
