package dev.heed.models;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.json.HeedJson;
import dev.heed.model.ModelDirectory;
import dev.heed.model.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A model shipped as classpath resources under a prefix: {@code PREFIX/model.json} and every file its
 * {@code files} lists. Immutable and thread-safe.
 */
public final class ResourceModelSource implements ModelSource {

    private final String name;
    private final String description;
    private final String prefix;
    private final ClassLoader loader;

    /**
     * @param prefix resource folder without leading or trailing slash, e.g. {@code heed-models/sst2}
     */
    public ResourceModelSource(String name, String description, String prefix, ClassLoader loader) {
        this.name = name;
        this.description = description;
        this.prefix = prefix;
        this.loader = loader;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String version() {
        try (InputStream in = open(ModelDirectory.MANIFEST)) {
            return Sha256.of(in).substring(0, 12);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void materialize(Path target) throws IOException {
        byte[] manifest;
        try (InputStream in = open(ModelDirectory.MANIFEST)) {
            manifest = in.readAllBytes();
        }
        Files.write(target.resolve(ModelDirectory.MANIFEST), manifest);
        for (String file : listedFiles(manifest)) {
            Path destination = target.resolve(file).normalize();
            if (!destination.startsWith(target)) {
                throw new IOException("model '" + name + "' lists a file outside its directory: " + file);
            }
            Files.createDirectories(destination.getParent());
            try (InputStream in = open(file)) {
                Files.copy(in, destination);
            }
        }
    }

    private static List<String> listedFiles(byte[] manifest) throws IOException {
        JsonNode files = HeedJson.COMPACT.readTree(manifest).path("files");
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = files.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private InputStream open(String file) throws IOException {
        String resource = prefix + "/" + file;
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new NoSuchFileException(resource, null, "model '" + name + "' is missing a shipped resource");
        }
        return in;
    }
}
