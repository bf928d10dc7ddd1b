package dev.heed.cli;

import dev.heed.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The output folder of a training run: when the run fails, a folder it created is removed again unless it holds a
 * complete model (a checkpoint that verifies), so no half-written folder is left to look like a model. Stateless.
 */
final class TrainingOutput {

    private TrainingOutput() {
    }

    /** Runs {@code training}, which writes into {@code out}; on failure cleans up as above and rethrows. */
    static <T> T guard(Path out, Callable<T> training) throws Exception {
        boolean existed = Files.exists(out);
        try {
            return training.call();
        } catch (Exception | Error e) {
            if (!existed && Files.isDirectory(out) && !holdsAModel(out)) {
                try {
                    delete(out);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    private static boolean holdsAModel(Path dir) {
        try {
            ModelDirectory.open(dir);
            return true;
        } catch (dev.heed.model.ModelLoadException e) {
            return false;
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
