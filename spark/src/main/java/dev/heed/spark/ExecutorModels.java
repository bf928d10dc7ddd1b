package dev.heed.spark;

import dev.heed.batch.Predictor;
import dev.heed.model.ModelLoadException;
import dev.heed.models.ModelResolver;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models of one JVM (a Spark executor, or the driver in local mode): each loaded once, on the first task that
 * needs it, after its directory's sha256 is checked, and shared by every task of the JVM after that; the models are
 * thread-safe. A model stays loaded for the life of the JVM (an executor runs one application), or until
 * {@link #closeAll()}. Thread-safe.
 */
public final class ExecutorModels {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorModels.class);
    private static final Map<String, AutoCloseable> LOADED = new ConcurrentHashMap<>();

    private ExecutorModels() {
    }

    /**
     * The predictor of {@code settings}' task over its model, loading the model on first use.
     *
     * @throws IllegalArgumentException when the model's sha256 is not {@code settings.sha256()}
     * @throws IllegalStateException when the model cannot be loaded (the cause says why)
     */
    static Predictor predictor(TaskSettings settings) {
        InferenceThreads.prepare();
        return settings.task().predictor(model(settings), settings);
    }

    /** The loaded model of {@code settings}, checked and loaded on first use. */
    static AutoCloseable model(TaskSettings settings) {
        return LOADED.computeIfAbsent(settings.modelKey(), key -> load(settings));
    }

    private static AutoCloseable load(TaskSettings settings) {
        Path dir = localDirectory(settings);
        ModelFingerprint.verify(dir, settings.sha256(), settings.model());
        InferenceThreads.prepare();
        long start = System.nanoTime();
        try {
            AutoCloseable model = settings.task().load(dir.toString(), settings);
            LOG.info("loaded {} model {} from {} in {} ms", settings.task().cliName(), settings.model(), dir,
                    (System.nanoTime() - start) / 1_000_000);
            return model;
        } catch (ModelLoadException e) {
            throw new IllegalStateException("cannot load model " + settings.model() + " from " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    /** Where this JVM reads the model: the shipped copy, the shared path, or the named model's cache. */
    static Path localDirectory(TaskSettings settings) {
        if (!settings.shippedName().isEmpty()) {
            return Path.of(SparkFiles.get(settings.shippedName()));
        }
        try {
            return new ModelResolver().resolve(settings.model()).path();
        } catch (ModelLoadException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Closes and forgets every model loaded here; tasks that run later load them again. */
    public static synchronized void closeAll() {
        for (var it = LOADED.entrySet().iterator(); it.hasNext(); ) {
            try {
                it.next().getValue().close();
            } catch (Exception e) {
                LOG.warn("closing a model failed", e);
            }
            it.remove();
        }
    }
}
