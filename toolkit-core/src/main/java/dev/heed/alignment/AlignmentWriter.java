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
 * per record named after its id (characters other than letters, digits, {@code .}, {@code _} and {@code -}
 * become {@code _}; a name already taken gets {@code -2}, {@code -3}, ...). {@code alignment.ids} lists the
 * record ids in the order of the lines. A run can be resumed: {@link #checkpoint()} gives the shared files' lengths,
 * {@link #resumeFrom(Map)} cuts them back to those. Thread-safe (calls are serialized). The caller closes it.
 */
public final class AlignmentWriter implements AutoCloseable {

    /** The file listing, a line each, the id of every record written, in the order of the line formats' lines. */
    public static final String IDS = "alignment.ids";

    private final Path dir;
    private final List<AlignmentExporter> exporters;
    private final Map<String, OutputStream> shared = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();
    private boolean opened;
    private boolean closed;

    /** Writes into {@code dir} (created when missing), replacing the shared files of an earlier run. */
    public AlignmentWriter(Path dir, List<AlignmentExporter> exporters) throws IOException {
        this(dir, exporters, true);
    }

    private AlignmentWriter(Path dir, List<AlignmentExporter> exporters, boolean fresh) throws IOException {
        if (exporters.isEmpty()) {
            throw new IllegalArgumentException("name at least one alignment format: " + AlignmentExporters.names());
        }
        try {
            this.dir = Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create the attention folder " + dir + ": " + e, e);
        }
        this.exporters = List.copyOf(exporters);
        if (fresh) {
            openFresh();
        }
    }

    /**
     * A writer for a resumed run: it opens nothing until {@link #resumeFrom(Map)} says where the run being
     * resumed stopped (the batch runner calls it with the checkpoint in its progress file).
     */
    public static AlignmentWriter forResume(Path dir, List<AlignmentExporter> exporters) throws IOException {
        return new AlignmentWriter(dir, exporters, false);
    }

    private void openFresh() throws IOException {
        opened = true;
        shared.put(IDS, open(IDS, false));
        for (AlignmentExporter e : exporters) {
            if (e.linePerRecord()) {
                OutputStream out = open(e.fileName(""), false);
                out.write(e.header());
                shared.put(e.fileName(""), out);
            }
        }
    }

    /**
     * Continues the run whose {@link #checkpoint()} was {@code checkpoint}: the shared files are cut back to
     * their lengths there and appended to, and the record ids already written keep their file names, so the
     * resumed run ends with the very bytes of an uninterrupted one. An empty checkpoint starts afresh.
     *
     * @throws IllegalArgumentException when the files do not match the checkpoint (other formats, or a file
     *     shorter than recorded)
     * @throws IllegalStateException when this writer was already opened
     */
    public synchronized void resumeFrom(Map<String, Long> checkpoint) throws IOException {
        if (opened) {
            throw new IllegalStateException("this alignment writer is already open; make it with forResume");
        }
        if (checkpoint.isEmpty()) {
            openFresh();
            return;
        }
        Set<String> files = new java.util.TreeSet<>();
        files.add(IDS);
        exporters.stream().filter(AlignmentExporter::linePerRecord).forEach(e -> files.add(e.fileName("")));
        if (!files.equals(new java.util.TreeSet<>(checkpoint.keySet()))) {
            throw new IllegalArgumentException("cannot resume the attention export in " + dir + ": the run being"
                    + " resumed wrote " + new java.util.TreeSet<>(checkpoint.keySet()) + ", these formats write "
                    + files
                    + "; resume with the same --attention-format, or start over");
        }
        for (String name : files) {
            Path file = dir.resolve(name);
            long size = Files.exists(file) ? Files.size(file) : -1;
            if (size < checkpoint.get(name)) {
                throw new IllegalArgumentException("cannot resume: " + file + " is " + Math.max(0, size) + " bytes,"
                        + " shorter than the " + checkpoint.get(name) + " its progress file records; delete the"
                        + " output to start over");
            }
            try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(checkpoint.get(name));
            }
        }
        for (String id : Files.readAllLines(dir.resolve(IDS), StandardCharsets.UTF_8)) {
            uniqueName(id);
        }
        opened = true;
        shared.put(IDS, open(IDS, true));
        for (AlignmentExporter e : exporters) {
            if (e.linePerRecord()) {
                shared.put(e.fileName(""), open(e.fileName(""), true));
            }
        }
    }

    /**
     * Flushes the shared files and returns their lengths by file name: where a resumed run cuts them back
     * to ({@link #resumeFrom(Map)}).
     */
    public synchronized Map<String, Long> checkpoint() throws IOException {
        Map<String, Long> sizes = new java.util.TreeMap<>();
        for (Map.Entry<String, OutputStream> e : shared.entrySet()) {
            e.getValue().flush();
            sizes.put(e.getKey(), Files.size(dir.resolve(e.getKey())));
        }
        return sizes;
    }

    private OutputStream open(String name, boolean append) throws IOException {
        try {
            return new BufferedOutputStream(Files.newOutputStream(dir.resolve(name), StandardOpenOption.CREATE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw failure(name, e);
        }
    }

    private IOException failure(String name, IOException e) {
        return new IOException("cannot write the alignment file " + dir.resolve(name) + ": " + e, e);
    }

    /** Writes record {@code recordId}'s alignment in every format. */
    public synchronized void write(String recordId, Alignment alignment) throws IOException {
        if (closed || !opened) {
            throw new IllegalStateException("this alignment writer is " + (closed ? "closed" : "not open yet: call"
                    + " resumeFrom"));
        }
        String safe = uniqueName(recordId);
        for (AlignmentExporter e : exporters) {
            String name = e.fileName(safe);
            try {
                if (e.linePerRecord()) {
                    ByteArrayOutputStream line = new ByteArrayOutputStream();
                    e.write(alignment, recordId, line);
                    shared.get(name).write(line.toByteArray());
                } else {
                    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)))) {
                        e.write(alignment, recordId, out);
                    }
                }
            } catch (IOException x) {
                throw failure(name, x);
            }
        }
        try {
            shared.get(IDS).write((recordId.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException x) {
            throw failure(IDS, x);
        }
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
        if (!opened) {
            return;
        }
        IOException first = null;
        for (AlignmentExporter e : exporters) {
            if (e.linePerRecord()) {
                try {
                    shared.get(e.fileName("")).write(e.footer());
                } catch (IOException x) {
                    first = first == null ? failure(e.fileName(""), x) : first;
                }
            }
        }
        for (Map.Entry<String, OutputStream> out : shared.entrySet()) {
            try {
                out.getValue().close();
            } catch (IOException e) {
                first = first == null ? failure(out.getKey(), e) : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
