package dev.heed.spark;

import java.io.Serializable;

/**
 * One line (or Parquet row) of the job's input: where it stands and its text, or why it could not be read.
 *
 * @param file the input file it came from
 * @param line its 1-based line number (for Parquet, its 1-based row number) in that file
 * @param text the decoded line, or null when it could not be read
 * @param errorKind when {@code text} is null, the {@code RecordError} kind ({@code invalid_utf8},
 *     {@code line_too_long})
 * @param errorReason when {@code text} is null, the reason for people
 */
record SourceLine(String file, long line, String text, String errorKind, String errorReason) implements Serializable {

    private static final long serialVersionUID = 1L;
}
