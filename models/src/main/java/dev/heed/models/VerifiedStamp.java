package dev.heed.models;

import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record, beside a cached model, of the size, modification time and file key (device and inode) of its
 * {@code model.json} and every file it lists, written after the files were hashed and found as the manifest says.
 * While the record still matches, a later start skips hashing them again (the default sentiment model's 13 MB took
 * 0.07 s of every start, measured in a fresh JVM; all-MiniLM-L6-v2 has 90 MB): a file that was replaced, rewritten or
 * touched no longer matches and is hashed. What it cannot see is a file changed in place with its size and time
 * put back, or a disk's silent corruption; {@code heed models verify NAME} always hashes.
 *
 * <p>Only for the cache the resolver owns; a model directory the user names is hashed on every open. Writing the
 * record is best effort (a read-only cache just hashes every time). Stateless and thread-safe: the record is
 * written to a temporary file and moved into place.
 */
final class VerifiedStamp {

    /** The record's file name in the model's cache folder. */
    static final String FILE = ".heed-verified";

    private static final Logger LOG = LoggerFactory.getLogger(VerifiedStamp.class);

    private VerifiedStamp() {
    }

    /** Whether {@code dir} holds a record that matches its files now, {@code manifest} being its manifest. */
    static boolean matches(Path dir, ModelManifest manifest) {
        try {
            return Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8).equals(describe(dir, manifest));
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot read the verification record of {}: {}", dir, e.toString());
            return false;
        }
    }

    /** Records {@code verified}'s files as they are now; they were just hashed by {@link ModelDirectory#open}. */
    static void write(ModelDirectory verified) {
        Path dir = verified.path();
        try {
            String record = describe(dir, verified.manifest());
            Path tmp = Files.createTempFile(dir, FILE, ".tmp");
            try {
                Files.writeString(tmp, record, StandardCharsets.UTF_8);
                Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot record the verification of {}: {}", dir, e.toString());
        }
    }

    /** One line per file, sorted by name: name, size, modification time in nanoseconds, file key. */
    private static String describe(Path dir, ModelManifest manifest) throws IOException {
        List<String> lines = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(manifest.files().keySet());
        names.add(ModelDirectory.MANIFEST);
        for (String name : names) {
            BasicFileAttributes a = Files.readAttributes(dir.resolve(name), BasicFileAttributes.class);
            java.time.Instant modified = a.lastModifiedTime().toInstant();
            lines.add(name + "\t" + a.size() + "\t" + modified.getEpochSecond() + "." + modified.getNano() + "\t"
                    + a.fileKey());
        }
        return String.join("\n", lines) + "\n";
    }
}
