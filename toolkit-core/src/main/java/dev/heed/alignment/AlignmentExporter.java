package dev.heed.alignment;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes alignments in one format. An exporter is a pure function of the alignment (and the record's id):
 * the same alignment gives the same bytes. Formats that keep one line per record share one file
 * ({@link #linePerRecord()}); the others write a file per record. Implementations are stateless and
 * thread-safe.
 */
public interface AlignmentExporter {

    /**
     * The format's name on the command line: {@code json}, {@code pharaoh}, {@code npz}, {@code png},
     * {@code html}, {@code html-files}.
     */
    String name();

    /** Whether records share one file, a line each (ending in {@code \n}), rather than a file each. */
    boolean linePerRecord();

    /** The file a record goes to: the shared file's name, or a name made from the (safe) record id. */
    String fileName(String safeRecordId);

    /** Writes {@code alignment} of record {@code recordId} (for line formats: one line, with its newline). */
    void write(Alignment alignment, String recordId, OutputStream out) throws IOException;

    /** What a line format's shared file starts with, before its first record; empty unless the format has one. */
    default byte[] header() {
        return new byte[0];
    }

    /** What a line format's shared file ends with, after its last record; empty unless the format has one. */
    default byte[] footer() {
        return new byte[0];
    }
}
