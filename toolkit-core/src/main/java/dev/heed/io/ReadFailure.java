package dev.heed.io;

import java.io.EOFException;
import java.io.IOException;
import java.util.zip.ZipException;

/**
 * Turns an I/O error met while reading an input into one that names the input and the line being read,
 * with a hint for the usual causes (compressed data that ends early or is corrupt). Stateless.
 */
public final class ReadFailure {

    private ReadFailure() {
    }

    /**
     * The error to throw for {@code cause}, met while reading line {@code line} (1-based) of {@code source}.
     *
     * @param source the input's name for people: its path, or "standard input"
     */
    public static IOException at(String source, long line, IOException cause) {
        String what = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        String hint = cause instanceof EOFException ? " (the data ends early: the file is truncated; copy or"
                + " download it again)"
                : cause instanceof ZipException ? " (the compressed data is corrupt or truncated; copy or download"
                        + " it again)" : "";
        return new IOException("cannot read " + source + " at line " + line + ": " + what + hint, cause);
    }
}
