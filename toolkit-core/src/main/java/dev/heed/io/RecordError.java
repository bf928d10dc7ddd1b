package dev.heed.io;

import java.util.Objects;

/**
 * A record that could not be read or processed: where it was and why. Goes to the errors file, never
 * dropped. Immutable.
 *
 * @param line 1-based line number in the input
 * @param id the record's id when it could be read, else the line number
 * @param kind a stable code for the failure, one of the constants here
 * @param reason a sentence for people: what was wrong and how to fix it
 * @param idIsLineNumber whether {@code id} is the line number, standing in for an id that could not be read or
 *     that the record does not have; the errors file says so ({@code "id_from": "line"}), so that a bad line 5
 *     is not taken for the record whose own id is 5
 */
public record RecordError(long line, String id, String kind, String reason, boolean idIsLineNumber)
        implements ReadOutcome {

    /** The line is not valid UTF-8. */
    public static final String INVALID_UTF8 = "invalid_utf8";
    /** A JSON line did not parse or is not an object. */
    public static final String MALFORMED_JSON = "malformed_json";
    /** The text (or id) field is absent or not a string. */
    public static final String MISSING_FIELD = "missing_field";
    /** The text is empty or only whitespace. */
    public static final String EMPTY_TEXT = "empty_text";
    /** The text holds no word or token a model can read (only invisible or format characters, e.g. U+200B). */
    public static final String NO_TOKENS = "no_tokens";
    /** The line is longer than the reader's limit. */
    public static final String LINE_TOO_LONG = "line_too_long";
    /** A TSV row has a different number of columns than the header. */
    public static final String BAD_ROW = "bad_row";
    /** The input is longer than the model takes and the long-input policy rejects it. */
    public static final String TOO_LONG = "too_long";
    /** The model failed on this record. */
    public static final String PREDICTION_FAILED = "prediction_failed";

    /** An error about a line whose record could not be read: its id is the line number. */
    public static RecordError atLine(long line, String kind, String reason) {
        return new RecordError(line, Long.toString(line), kind, reason, true);
    }

    /** An error about {@code record}, named by its id. */
    public static RecordError of(Record record, String kind, String reason) {
        return new RecordError(record.line(), record.id(), kind, reason, record.idIsLineNumber());
    }

    public RecordError {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }
}
