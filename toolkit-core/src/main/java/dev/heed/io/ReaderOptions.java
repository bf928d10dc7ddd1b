package dev.heed.io;

import java.util.Objects;
import java.util.Optional;

/**
 * How to read records. Immutable; validated on construction.
 *
 * @param format the input format
 * @param textField the field (JSON lines) or column (TSV) holding the text
 * @param idField the field or column holding the id; when absent, the {@code "id"} field or column when
 *     there is one, else the line number
 * @param maxLineBytes longer lines are errors ({@code line_too_long}), skipped without being loaded
 */
public record ReaderOptions(RecordFormat format, String textField, Optional<String> idField, int maxLineBytes) {

    /** Default longest line: 512 KiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 512 * 1024;

    public ReaderOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(textField, "textField");
        Objects.requireNonNull(idField, "idField");
        if (textField.isBlank()) {
            throw new IllegalArgumentException("text field must not be blank");
        }
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be >= 1, got " + maxLineBytes);
        }
    }

    /** Text field {@code text}, no id field, the default line limit. */
    public static ReaderOptions of(RecordFormat format) {
        return new ReaderOptions(format, "text", Optional.empty(), DEFAULT_MAX_LINE_BYTES);
    }
}
