package dev.heed.models;

import dev.heed.engine.NativeAllocator;
import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelLoadException;
import dev.heed.model.ModelManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a model name or a directory into a verified {@link ModelDirectory}.
 *
 * <p>A directory is opened as it is. A name is looked up among the {@link ModelSource}s of the classpath
 * and materialized, on first use, into {@code HEED_HOME/models/NAME-VERSION}: written to a temporary
 * folder and renamed into place, so concurrent first uses and interrupted extractions never leave a
 * half-written model. A cached model that fails verification is extracted again. A cached model's files are
 * hashed once; later starts check their sizes and modification times against the record that hashing left
 * ({@link VerifiedStamp}) and hash again only when something changed. No network is used.
 * Resolving tunes glibc's allocator for libtorch first ({@link NativeAllocator#tune()}; opt out with
 * {@code -Dheed.malloc.tune=false}).
 *
 * <p>Thread-safe; holds no open files.
 */
public final class ModelResolver {

    private static final Logger LOG = LoggerFactory.getLogger(ModelResolver.class);

    private final Path home;
    private final Map<String, ModelSource> sources;

    /** A resolver over the classpath's model sources and the cache at {@link HeedHome#resolve()}. */
    public ModelResolver() {
        this(HeedHome.resolve(), discover());
    }

    public ModelResolver(Path home, List<ModelSource> sources) {
        this.home = home;
        this.sources = new LinkedHashMap<>();
        for (ModelSource s : sources) {
            this.sources.putIfAbsent(s.name(), s);
        }
    }

    private static List<ModelSource> discover() {
        return ServiceLoader.load(ModelSourceProvider.class, ModelResolver.class.getClassLoader()).stream()
                .flatMap(p -> p.get().sources().stream()).sorted(Comparator.comparing(ModelSource::name)).toList();
    }

    /** The named models available, by name. */
    public List<ModelSource> available() {
        return List.copyOf(sources.values());
    }

    /** The cache folder of {@code source}. */
    public Path cacheDir(ModelSource source) {
        return home.resolve("models").resolve(source.name() + "-" + source.version());
    }

    /** Whether {@code source} is already extracted (not verified here). */
    public boolean isCached(ModelSource source) {
        return Files.isRegularFile(cacheDir(source).resolve(ModelDirectory.MANIFEST));
    }

    /**
     * The model called {@code nameOrPath}: an existing directory, or a named model (extracted on first use).
     *
     * @throws ModelLoadException when it is neither, or fails verification (the message says the fix)
     */
    public ModelDirectory resolve(String nameOrPath) throws ModelLoadException {
        NativeAllocator.tune(); // every model load of the library passes here, before its first tensor
        Path path = Path.of(nameOrPath);
        if (Files.isDirectory(path)) {
            return ModelDirectory.open(path);
        }
        Optional<ModelSource> source = Optional.ofNullable(sources.get(nameOrPath));
        if (source.isEmpty()) {
            throw new ModelLoadException("no model named '" + nameOrPath + "' and no such directory. Named models: "
                    + sources.keySet() + "; or give a model directory (written by `heed train` or"
                    + " `heed models import`)");
        }
        return materialize(source.get());
    }

    private ModelDirectory materialize(ModelSource source) throws ModelLoadException {
        Path target = cacheDir(source);
        if (isCached(source)) {
            try {
                ModelManifest manifest = ModelDirectory.readManifest(target);
                if (VerifiedStamp.matches(target, manifest)) {
                    return ModelDirectory.openVerifiedBefore(target, manifest);
                }
                return verified(target);
            } catch (ModelLoadException e) {
                LOG.warn("cached model {} failed verification ({}); extracting it again", target, e.getMessage());
            }
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempDirectory(target.getParent(), "." + source.name() + "-");
            try {
                source.materialize(tmp);
                ModelDirectory.open(tmp);
                if (!isCached(source) || !verifies(target)) { // another process may have won the race
                    deleteTree(target);
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                deleteTree(tmp);
            }
        } catch (IOException e) {
            throw new ModelLoadException("cannot extract model '" + source.name() + "' into " + target + ": "
                    + e.getMessage() + " (check that " + home + " is writable, or set " + HeedHome.ENV + ")", e);
        }
        return verified(target);
    }

    /** {@code dir} opened with every file hashed, and the stamp that spares the next start the hashing. */
    private static ModelDirectory verified(Path dir) throws ModelLoadException {
        ModelDirectory opened = ModelDirectory.open(dir);
        VerifiedStamp.write(opened);
        return opened;
    }

    private static boolean verifies(Path dir) {
        try {
            ModelDirectory.open(dir);
            return true;
        } catch (ModelLoadException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
