package dev.heed.batch;

import dev.heed.json.HeedJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The progress file of a resumable run, {@code OUTPUT.progress.json}: the last input line whose result is
 * safely in the output or errors file, and the byte lengths of those files at that point.
 *
 * <p>It is replaced atomically after each window is flushed, so after a crash or a kill it describes a
 * consistent prefix: a resumed run cuts both files back to the recorded lengths (dropping anything written
 * after the last checkpoint) and continues after the recorded line. Nothing is duplicated or lost.
 *
 * @param input the input's name, to refuse resuming with a different input
 * @param lastLine the last input line accounted for
 * @param outputBytes the output file's length at that point
 * @param errorBytes the errors file's length at that point
 * @param written output lines up to that point
 * @param failed error records up to that point
 * @param complete whether the run reached the end of its input
 * @param attention the attention export's shared files and their lengths at that point, by file name (see
 *     {@link dev.heed.alignment.AlignmentWriter#checkpoint()}); empty when the run exports no attention
 */
public record ResumeJournal(String input, long lastLine, long outputBytes, long errorBytes, long written,
        long failed, boolean complete, java.util.Map<String, Long> attention) {

    public ResumeJournal {
        attention = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attention == null
                ? java.util.Map.of() : attention));
    }

    /** A journal of a run that exports no attention. */
    public ResumeJournal(String input, long lastLine, long outputBytes, long errorBytes, long written, long failed,
            boolean complete) {
        this(input, lastLine, outputBytes, errorBytes, written, failed, complete, java.util.Map.of());
    }

    /** The progress file that belongs to {@code output}. */
    public static Path pathFor(Path output) {
        return output.resolveSibling(output.getFileName() + ".progress.json");
    }

    /** The journal of {@code output}, if one exists. */
    public static Optional<ResumeJournal> read(Path output) throws IOException {
        Path file = pathFor(output);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(HeedJson.COMPACT.readValue(file.toFile(), ResumeJournal.class));
        } catch (IOException e) {
            throw new IOException("progress file " + file + " is unreadable (" + e.getMessage()
                    + "); delete it and the output to start over", e);
        }
    }

    /** Replaces the journal of {@code output} atomically. */
    public void write(Path output) throws IOException {
        Path file = pathFor(output);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            HeedJson.COMPACT.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IOException("cannot write the progress file " + file + ": " + e.getMessage(), e);
        }
    }
}
