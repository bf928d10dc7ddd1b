package dev.heed.tasks.seq2seq;

import dev.heed.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The subword vocabularies of a translation model: one for the source side, one for the target side, or one
 * shared by both (joint BPE). A model directory names them in its manifest's {@code tokenizers} as
 * {@code source} and {@code target}; a joint vocabulary is one file named twice.
 *
 * <p>Thread-safe. Holds native tokenizers: close it (once, even when joint).
 */
public record Vocabularies(SubwordCodec source, SubwordCodec target) implements AutoCloseable {

    /** The file of a joint vocabulary in a model directory. */
    public static final String JOINT_FILE = "tokenizer.json";
    /** The files of separate vocabularies in a model directory. */
    public static final String SOURCE_FILE = "source-tokenizer.json";
    public static final String TARGET_FILE = "target-tokenizer.json";

    /** One vocabulary for both sides. */
    public static Vocabularies joint(SubwordCodec codec) {
        return new Vocabularies(codec, codec);
    }

    /** Whether both sides share one vocabulary. */
    public boolean isJoint() {
        return source == target;
    }

    /** The manifest's {@code tokenizers} entry: side to file name in the model directory. */
    public Map<String, String> manifestEntry() {
        return isJoint() ? Map.of("source", JOINT_FILE, "target", JOINT_FILE)
                : Map.of("source", SOURCE_FILE, "target", TARGET_FILE);
    }

    /** Copies the vocabularies into {@code dir} under the names of {@link #manifestEntry()}; returns those names. */
    public List<String> copyTo(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        Map<String, String> entry = manifestEntry();
        copy(source.source(), dir.resolve(entry.get("source")));
        names.add(entry.get("source"));
        if (!isJoint()) {
            copy(target.source(), dir.resolve(entry.get("target")));
            names.add(entry.get("target"));
        }
        return names;
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!from.toAbsolutePath().equals(to.toAbsolutePath())) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The vocabularies {@code dir}'s manifest names ({@code source} and {@code target}; one file may be both). */
    public static Vocabularies load(ModelDirectory dir) throws IOException {
        Map<String, String> names = dir.manifest().tokenizers();
        String sourceName = names.get("source");
        String targetName = names.getOrDefault("target", sourceName);
        if (sourceName == null) {
            throw new IOException(dir.path() + "/model.json names no source tokenizer");
        }
        SubwordCodec source = SubwordCodec.load(dir.resolve(sourceName));
        if (targetName.equals(sourceName)) {
            return joint(source);
        }
        return separate(source, () -> SubwordCodec.load(dir.resolve(targetName)));
    }

    /** Gives a codec or fails: a vocabulary read from a file or learned from texts. */
    @FunctionalInterface
    public interface CodecSupplier {
        SubwordCodec get() throws IOException;
    }

    /**
     * Separate vocabularies: {@code source}, and the target {@code target} gives. When the target cannot be had,
     * {@code source} is closed and the failure thrown, so nothing is left open.
     */
    public static Vocabularies separate(SubwordCodec source, CodecSupplier target) throws IOException {
        try {
            return new Vocabularies(source, target.get());
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    @Override
    public void close() {
        source.close();
        if (!isJoint()) {
            target.close();
        }
    }
}
