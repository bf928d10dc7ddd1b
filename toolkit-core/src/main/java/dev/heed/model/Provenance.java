package dev.heed.model;

/**
 * Where a model came from: enough to rerun its training and to tell two models apart. Immutable.
 *
 * @param heedVersion the Heed version that wrote it
 * @param gitCommit the project commit it was trained at, or {@code "unknown"}
 * @param seed the random seed of training
 * @param dataFingerprint a sha256 over the training data, or {@code "none"}
 * @param djlVersion DJL version used
 * @param libtorchVersion libtorch version used
 * @param trainingSeconds wall-clock training time
 * @param command the exact command that produced the model
 * @param createdAt ISO-8601 instant
 */
public record Provenance(String heedVersion, String gitCommit, long seed, String dataFingerprint,
        String djlVersion, String libtorchVersion, double trainingSeconds, String command, String createdAt) {
}
