package dev.heed.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.heed.json.HeedJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A model on disk: a directory with {@code model.json} and the files it lists (tokenizers, weights,
 * model card), each verified against its recorded size and sha256 when opened.
 *
 * <p>Immutable and thread-safe once opened. Holds no open files.
 */
public final class ModelDirectory {

    /** Name of the manifest file in every model directory. */
    public static final String MANIFEST = "model.json";

    private final Path path;
    private final ModelManifest manifest;

    private ModelDirectory(Path path, ModelManifest manifest) {
        this.path = path;
        this.manifest = manifest;
    }

    /**
     * Opens {@code dir}, reading its manifest and verifying every listed file.
     *
     * @throws ModelFileMissingException when the manifest or a listed file is absent
     * @throws ModelFileCorruptException when a file's size or sha256 differs from the manifest's
     * @throws ModelManifestException when the manifest is invalid or of a newer format
     */
    public static ModelDirectory open(Path dir) throws ModelLoadException {
        ModelManifest manifest = readManifest(dir);
        for (Map.Entry<String, FileEntry> file : manifest.files().entrySet()) {
            verify(dir, file.getKey(), file.getValue(), true);
        }
        return new ModelDirectory(dir, manifest);
    }

    /**
     * Opens {@code dir} with its already read {@code manifest}, checking that every listed file is there with its
     * recorded size but not hashing them: for a caller that verified these very files before and knows them
     * unchanged since (the model cache's stamp of sizes and modification times, {@code ModelResolver}).
     * Anyone else calls {@link #open(Path)}.
     *
     * @throws ModelFileMissingException when a listed file is absent
     * @throws ModelFileCorruptException when a file's size differs from the manifest's
     */
    public static ModelDirectory openVerifiedBefore(Path dir, ModelManifest manifest) throws ModelLoadException {
        for (Map.Entry<String, FileEntry> file : manifest.files().entrySet()) {
            verify(dir, file.getKey(), file.getValue(), false);
        }
        return new ModelDirectory(dir, manifest);
    }

    /** Reads and checks {@code dir/model.json} without verifying the files it lists. */
    public static ModelManifest readManifest(Path dir) throws ModelLoadException {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new ModelFileMissingException("no " + MANIFEST + " in " + dir
                    + ": this is not a Heed model directory (give a model name from `heed models list`,"
                    + " or a directory written by `heed train` or `heed models import`)");
        }
        ModelManifest manifest;
        try {
            manifest = HeedJson.PRETTY.readValue(file.toFile(), ModelManifest.class);
        } catch (JsonProcessingException e) {
            throw new ModelManifestException(file + " is not a valid model manifest " + HeedJson.where(e) + ": "
                    + e.getOriginalMessage() + " (re-extract or re-train the model)", e);
        } catch (IOException e) {
            throw new ModelManifestException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ModelManifestException(file + " is not a valid model manifest: " + e.getMessage(), e);
        }
        if (manifest.formatVersion() < 1 || manifest.formatVersion() > ModelManifest.FORMAT_VERSION) {
            throw new ModelManifestException(file + " has format version " + manifest.formatVersion()
                    + " but this Heed reads versions 1.." + ModelManifest.FORMAT_VERSION
                    + ": upgrade Heed to load it");
        }
        for (String role : manifest.tokenizers().keySet()) {
            requireListed(file, manifest, manifest.tokenizers().get(role), "tokenizer '" + role + "'");
        }
        if (!manifest.weights().isEmpty()) {
            requireListed(file, manifest, manifest.weights(), "weights");
        }
        return manifest;
    }

    private static void requireListed(Path file, ModelManifest manifest, String name, String what)
            throws ModelManifestException {
        if (!manifest.files().containsKey(name)) {
            throw new ModelManifestException(file + " names " + name + " as its " + what
                    + " but does not list it under \"files\" with a size and sha256");
        }
    }

    private static void verify(Path dir, String name, FileEntry expected, boolean hash) throws ModelLoadException {
        Path file = dir.resolve(name).normalize();
        if (!file.startsWith(dir.normalize())) {
            throw new ModelManifestException("model.json in " + dir + " lists '" + name
                    + "', which lies outside the model directory");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileMissingException("model file " + file + " is missing (listed in " + MANIFEST
                    + "); restore the model directory, e.g. delete it so that Heed extracts it again");
        } catch (IOException e) {
            throw new ModelLoadException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
        if (size != expected.size()) {
            throw new ModelFileCorruptException("model file " + file + " is " + size + " bytes but "
                    + MANIFEST + " expects " + expected.size() + (size < expected.size() ? " (truncated)" : "")
                    + "; restore the model directory, e.g. delete it so that Heed extracts it again");
        }
        if (!hash) {
            return;
        }
        String actual;
        try {
            actual = Sha256.of(file);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
        if (!actual.equals(expected.sha256())) {
            throw new ModelFileCorruptException("model file " + file + " has sha256 " + actual + " but "
                    + MANIFEST + " expects " + expected.sha256()
                    + " (altered); restore the model directory, e.g. delete it so that Heed extracts it again");
        }
    }

    /**
     * Writes {@code dir/model.json} for {@code draft}, recording the size and sha256 of each of
     * {@code files} (relative to {@code dir}), and returns the opened directory.
     */
    public static ModelDirectory seal(Path dir, ModelManifest draft, Collection<String> files)
            throws IOException, ModelLoadException {
        Map<String, FileEntry> entries = new LinkedHashMap<>();
        for (String name : new TreeSet<>(files)) {
            Path file = dir.resolve(name);
            entries.put(name, new FileEntry(Files.size(file), Sha256.of(file)));
        }
        ModelManifest manifest = draft.withFiles(entries);
        Path tmp = Files.createTempFile(dir, MANIFEST, ".tmp");
        try {
            HeedJson.PRETTY.writeValue(tmp.toFile(), manifest);
            dev.heed.io.FilePermissions.makeReadable(tmp);
            Files.move(tmp, dir.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return open(dir);
    }

    /** The directory. */
    public Path path() {
        return path;
    }

    /** The verified manifest. */
    public ModelManifest manifest() {
        return manifest;
    }

    /** The path of {@code file} inside this directory. */
    public Path resolve(String file) {
        return path.resolve(file);
    }
}
