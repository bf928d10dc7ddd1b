package dev.heed.batch;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/** Where a run writes its output or its error records: a file (resumable) or a stream such as stdout. */
public sealed interface Destination {

    /** A file, created or replaced (appended to on resume). */
    record File(Path path) implements Destination {
        public File {
            Objects.requireNonNull(path, "path");
        }
    }

    /** A stream the caller owns, e.g. {@code System.out}; not resumable. */
    record Stream(OutputStream stream, String name) implements Destination {
        public Stream {
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(name, "name");
        }
    }

    static Destination file(Path path) {
        return new File(path);
    }

    static Destination stream(OutputStream stream, String name) {
        return new Stream(stream, name);
    }

    /** A name for messages: the path, or the stream's name. */
    default String describe() {
        return switch (this) {
            case File f -> f.path().toString();
            case Stream s -> s.name();
        };
    }
}
