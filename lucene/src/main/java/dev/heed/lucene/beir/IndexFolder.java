package dev.heed.lucene.beir;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Builds an index aside and swaps it in, so that the folder is never half-written: the index is written into a
 * fresh sibling folder ({@code DIR.building-*}), and only when it is complete and committed is it renamed to
 * {@code DIR} (the index it replaces first renamed away, then deleted). A failed or killed build leaves {@code DIR}
 * as it was; the sibling is deleted on failure (a killed build leaves it to delete). Stateless.
 */
public final class IndexFolder {

    /** Writes a complete index into the folder it is given. */
    public interface Build<T> {
        T into(Path folder) throws IOException;
    }

    private IndexFolder() {
    }

    /**
     * Runs {@code build} in a sibling of {@code target}, then puts the result at {@code target}.
     *
     * @throws IllegalArgumentException when {@code target} exists and is not a Lucene index or an empty folder:
     *     nothing of the user's is deleted
     */
    public static <T> T buildAndSwap(Path target, Build<T> build) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !replaceable(absolute)) {
            throw new IllegalArgumentException(target + " exists and is not a Lucene index (no segments_N file) nor an"
                    + " empty folder: give another --index folder, or remove it");
        }
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path building = Files.createTempDirectory(parent, absolute.getFileName() + ".building-");
        T result;
        try {
            result = build.into(building);
        } catch (IOException | RuntimeException | Error e) {
            deleteTree(building);
            throw e;
        }
        Path old = null;
        if (Files.exists(absolute)) {
            old = parent.resolve(absolute.getFileName() + ".old-" + Long.toHexString(System.nanoTime()));
            move(absolute, old);
        }
        move(building, absolute);
        if (old != null) {
            deleteTree(old);
        }
        return result;
    }

    private static boolean replaceable(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            var names = files.map(p -> p.getFileName().toString()).toList();
            return names.isEmpty() || names.stream().anyMatch(n -> n.startsWith("segments_"));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
