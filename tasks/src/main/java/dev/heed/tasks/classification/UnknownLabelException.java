package dev.heed.tasks.classification;

import java.io.IOException;
import java.util.List;

/**
 * A line of labelled data has a label that is not one of the classes it is read against. The message names the
 * file, the line, the label and the classes; callers add the fix their own options offer.
 */
public final class UnknownLabelException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> classes;

    /** A label at {@code file:line} that is not one of {@code classes} nor the index of one. */
    public UnknownLabelException(String file, int line, String label, List<String> classes) {
        super(file + ":" + line + ": label '" + label + "' is not one of " + classes + " (or its index)");
        this.classes = List.copyOf(classes);
    }

    /** The classes the data was read against. */
    public List<String> classes() {
        return classes;
    }
}
