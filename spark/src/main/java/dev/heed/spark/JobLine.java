package dev.heed.spark;

import java.io.Serializable;

/**
 * One line the job writes: an output record, an error record or an alignment, as JSON.
 *
 * @param kind {@link #OUTPUT}, {@link #ERROR} or {@link #ALIGNMENT}
 * @param json the line
 */
record JobLine(int kind, String json) implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int OUTPUT = 0;
    static final int ERROR = 1;
    static final int ALIGNMENT = 2;
}
