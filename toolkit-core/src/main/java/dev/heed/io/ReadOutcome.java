package dev.heed.io;

/** What reading one input line gave: a {@link Record}, or a {@link RecordError} saying why not. */
public sealed interface ReadOutcome permits Record, RecordError {

    /** The 1-based line number in the input. */
    long line();
}
