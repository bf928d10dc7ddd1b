package dev.heed.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * Encodes the characters of JSON text as UTF-8, writing each unpaired surrogate as the JSON escape
 * {@code \}{@code uXXXX} instead of a replacement character. Paired surrogates become one four-byte UTF-8
 * sequence, so emoji stay readable. Only for JSON text (and JSON inside a script): an unpaired surrogate can
 * only stand inside a string there, where the escape means the same character, so the output always parses
 * back to the Java strings that were written, and is always valid UTF-8.
 *
 * <p>Not thread-safe. {@link #flush()} passes everything but a high surrogate whose partner may still come;
 * {@link #close()} writes everything and closes the stream.
 */
final class JsonUtf8Writer extends Writer {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final byte[] buffer = new byte[8192];
    private int size;
    private char pendingHigh;

    JsonUtf8Writer(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        put((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset, end = offset + length; i < end; i++) {
            put(chars[i]);
        }
    }

    @Override
    public void write(String s, int offset, int length) throws IOException {
        for (int i = offset, end = offset + length; i < end; i++) {
            put(s.charAt(i));
        }
    }

    private void put(char c) throws IOException {
        if (size > buffer.length - 12) {
            drain();
        }
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(high, c);
                buffer[size++] = (byte) (0xF0 | (cp >> 18));
                buffer[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buffer[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buffer[size++] = (byte) (0x80 | (cp & 0x3F));
                return;
            }
            escape(high);
        }
        if (c < 0x80) {
            buffer[size++] = (byte) c;
        } else if (c < 0x800) {
            buffer[size++] = (byte) (0xC0 | (c >> 6));
            buffer[size++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (Character.isLowSurrogate(c)) {
            escape(c);
        } else {
            buffer[size++] = (byte) (0xE0 | (c >> 12));
            buffer[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buffer[size++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void escape(char c) {
        buffer[size++] = '\\';
        buffer[size++] = 'u';
        buffer[size++] = HEX[(c >> 12) & 0xF];
        buffer[size++] = HEX[(c >> 8) & 0xF];
        buffer[size++] = HEX[(c >> 4) & 0xF];
        buffer[size++] = HEX[c & 0xF];
    }

    private void drain() throws IOException {
        out.write(buffer, 0, size);
        size = 0;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            escape(high);
        }
        drain();
        out.close();
    }
}
