package dev.heed.alignment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;

/**
 * Pharaoh word alignments ({@code 0-0 1-2 ...}: source word i, target word j; the format of fast_align and
 * Moses), one line per record in {@code alignment.pharaoh}: the last layer averaged over its heads,
 * aggregated to words ({@link WordAlignment}), each target word linked to its strongest source word, or to
 * every source word at or above a threshold. Stateless.
 */
public final class PharaohExporter implements AlignmentExporter {

    private final OptionalDouble threshold;

    /** Links by argmax. */
    public PharaohExporter() {
        this(OptionalDouble.empty());
    }

    /** Links by {@code threshold} when present, else by argmax. */
    public PharaohExporter(OptionalDouble threshold) {
        if (threshold.isPresent() && !(threshold.getAsDouble() > 0 && threshold.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("the alignment threshold must be in (0, 1], got " + threshold.getAsDouble());
        }
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "pharaoh";
    }

    @Override
    public boolean linePerRecord() {
        return true;
    }

    @Override
    public String fileName(String safeRecordId) {
        return "alignment.pharaoh";
    }

    @Override
    public void write(Alignment alignment, String recordId, OutputStream out) throws IOException {
        String line = WordAlignment.of(alignment, alignment.layers() - 1, -1).pharaoh(threshold) + "\n";
        out.write(line.getBytes(StandardCharsets.UTF_8));
    }
}
