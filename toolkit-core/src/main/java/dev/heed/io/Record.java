package dev.heed.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One input record: its line number, id, text and the fields it came with, which outputs keep.
 * Immutable by convention: do not modify {@code fields}; {@link #copyOfFields()} gives a copy to extend.
 *
 * @param line 1-based line number in the input
 * @param id the record's id: the id field's value, or the line number
 * @param text the text to process, never blank
 * @param fields the record's own fields (JSON object or TSV columns); empty for plain text
 * @param idIsLineNumber whether {@code id} is the line number standing in for an id the record does not have
 *     (plain text, or no id field or column), not the record's own
 */
public record Record(long line, String id, String text, ObjectNode fields, boolean idIsLineNumber)
        implements ReadOutcome {

    public Record {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(fields, "fields");
    }

    /** A copy of the fields, for building an output record. */
    public ObjectNode copyOfFields() {
        return fields.deepCopy();
    }
}
