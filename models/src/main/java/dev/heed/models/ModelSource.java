package dev.heed.models;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A named model that Heed can put into a directory without any network: shipped as resources, or
 * converted from a Maven artifact on the classpath. Found through {@link ModelSourceProvider}s.
 * Implementations are immutable and thread-safe.
 */
public interface ModelSource {

    /** The model's name, stable forever (it is written into users' scripts). */
    String name();

    /** One line for {@code heed models list}. */
    String description();

    /** A short fingerprint of the content; a new content gets a new cache folder. */
    String version();

    /** Writes the model directory (with its {@code model.json}) into the empty folder {@code target}. */
    void materialize(Path target) throws IOException;
}
