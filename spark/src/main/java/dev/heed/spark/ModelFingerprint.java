package dev.heed.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The sha256 that names a model directory's content: the digest of its {@code model.json}, which lists the sha256
 * and size of every other file of the model (loading verifies each file against it, so a changed weight file is
 * refused there). Cheap to compute on the driver and on every executor. Stateless.
 */
public final class ModelFingerprint {

    /** The manifest file whose digest is the fingerprint. */
    public static final String MANIFEST = "model.json";

    private ModelFingerprint() {
    }

    /**
     * The lower-case hex sha256 of {@code dir/model.json}.
     *
     * @throws IllegalArgumentException when {@code dir} has no readable {@code model.json}
     */
    public static String of(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        try {
            byte[] bytes = Files.readAllBytes(manifest);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + manifest + " (" + e.getMessage() + "): a Heed model"
                    + " directory holds model.json; give a named model or a directory written by heed train or"
                    + " heed models import", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /**
     * Checks that the model at {@code dir} has the fingerprint {@code expected}.
     *
     * @throws IllegalArgumentException naming both digests and the directory when they differ
     */
    public static void verify(Path dir, String expected, String modelName) {
        String actual = of(dir);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new IllegalArgumentException("model " + modelName + " at " + dir + " has sha256 " + actual
                    + " but the job expects " + expected + ": the executor's copy differs from the driver's (or"
                    + " from modelSha256). Ship the same model directory to every node (SparkFiles, or one shared"
                    + " path) or correct modelSha256");
        }
    }
}
