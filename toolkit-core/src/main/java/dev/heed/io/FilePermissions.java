package dev.heed.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Gives files written through a temporary file the permissions of an ordinary new file. */
public final class FilePermissions {

    private FilePermissions() {
    }

    /**
     * Makes {@code file} readable by everyone and writable by its owner ({@code rw-r--r--}), as a file created
     * directly would be under the usual umask; temporary files start as {@code rw-------}. No-op off POSIX.
     */
    public static void makeReadable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to widen
        }
    }
}
