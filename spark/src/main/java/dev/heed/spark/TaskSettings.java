package dev.heed.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * What an executor needs to run a task: the task, the model (a name, a directory on a shared path, or a directory
 * shipped with the job) and its expected sha256, and the prediction settings. Immutable; serializable, so it
 * travels in the job's closures instead of the model itself.
 *
 * @param task the task
 * @param model a named model or a directory path as the driver saw it
 * @param sha256 the model's {@link ModelFingerprint}, which every executor checks before loading
 * @param shippedName when non-empty, the model directory was shipped as an archive ({@code SparkContext.addArchive}) under this
 *     name and executors read it from {@code SparkFiles.get(shippedName)}
 * @param batchSize records per model call, at least 1
 * @param attention whether to hand out each answer's alignment
 * @param device {@code cpu}, {@code gpu} or {@code auto}
 * @param pooling embeddings only: {@code mean}, {@code cls}, or empty for the model's own
 * @param longInput {@code truncate} or {@code reject} (embed and summarize)
 * @param beam translate and summarize: beam size, 0 for the task's default (5 and 1)
 * @param maxLength translate and summarize: the most output subwords, 0 for the task's default (200 and 30)
 */
public record TaskSettings(HeedTask task, String model, String sha256, String shippedName, int batchSize,
        boolean attention, String device, String pooling, String longInput, int beam, int maxLength)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public TaskSettings {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(shippedName, "shippedName");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(pooling, "pooling");
        Objects.requireNonNull(longInput, "longInput");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be 1 or more, got " + batchSize);
        }
        if (beam < 0 || maxLength < 0) {
            throw new IllegalArgumentException("beam and maxLength must be 0 (the task's default) or more, got "
                    + beam + " and " + maxLength);
        }
    }

    /** The key of the loaded model in an executor's cache: everything that changes what is loaded. */
    String modelKey() {
        return task.cliName() + "|" + model + "|" + sha256 + "|" + shippedName + "|" + device + "|" + pooling
                + "|" + longInput;
    }
}
