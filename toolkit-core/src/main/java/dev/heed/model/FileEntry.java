package dev.heed.model;

import java.util.regex.Pattern;

/**
 * The expected size and sha256 of one file of a model directory. Immutable.
 *
 * @param size length in bytes
 * @param sha256 lower-case hex digest of the content
 */
public record FileEntry(long size, String sha256) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public FileEntry {
        if (size < 0) {
            throw new IllegalArgumentException("file size must be >= 0, got " + size);
        }
        if (sha256 == null || !HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got " + sha256);
        }
    }
}
