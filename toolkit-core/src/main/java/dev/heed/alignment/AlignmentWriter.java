package dev.heed.alignment;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the alignments of a run into a folder in every chosen format: line formats into one shared file
 * each (the format's header, a line per record in the order records are written, the footer when the writer
 * is closed; the batch runner writes them with the output lines, in input order), file formats into a file
 * per record named after its id (characters other than letters, digits, {@code .}, {@code _} and {@code -} become {@code _};
 * a name already taken gets {@code -2}, {@code -3}, ...). {@code alignment.ids} lists the record ids in the
 * order of the lines. Thread-safe (calls are serialized). The caller closes it.
 */
public final class AlignmentWriter implements AutoCloseable {

    /** The file listing, a line each, the id of every record written, in the order of the line formats' lines. */
    public static final String IDS = "alignment.ids";

    private final Path dir;
    private final List<AlignmentExporter> exporters;
    private final Map<String, OutputStream> shared = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();
    private boolean closed;

    /** Writes into {@code dir} (created when missing), replacing the shared files of an earlier run. */
    public AlignmentWriter(Path dir, List<AlignmentExporter> exporters) throws IOException {
        if (exporters.isEmpty()) {
            throw new IllegalArgumentException("name at least one alignment format: " + AlignmentExporters.names());
        }
        this.dir = Files.createDirectories(dir);
        this.exporters = List.copyOf(exporters);
        shared.put(IDS, open(IDS));
        for (AlignmentExporter e : exporters) {
            if (e.linePerRecord()) {
                OutputStream out = open(e.fileName(""));
                out.write(e.header());
                shared.put(e.fileName(""), out);
            }
        }
    }

    private OutputStream open(String name) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(dir.resolve(name), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
    }

    /** Writes record {@code recordId}'s alignment in every format. */
    public synchronized void write(String recordId, Alignment alignment) throws IOException {
        if (closed) {
            throw new IllegalStateException("this alignment writer is closed");
        }
        String safe = uniqueName(recordId);
        for (AlignmentExporter e : exporters) {
            if (e.linePerRecord()) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                e.write(alignment, recordId, line);
                shared.get(e.fileName(safe)).write(line.toByteArray());
            } else {
                Path file = dir.resolve(e.fileName(safe));
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                    e.write(alignment, recordId, out);
                }
            }
        }
        shared.get(IDS).write((recordId.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private String uniqueName(String recordId) {
        String base = recordId.replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isEmpty() || base.startsWith(".")) {
            base = "_" + base;
        }
        String name = base;
        for (int n = 2; !names.add(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException first = null;
        for (AlignmentExporter e : exporters) {
            if (e.linePerRecord()) {
                try {
                    shared.get(e.fileName("")).write(e.footer());
                } catch (IOException x) {
                    first = first == null ? x : first;
                }
            }
        }
        for (OutputStream out : shared.values()) {
            try {
                out.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
