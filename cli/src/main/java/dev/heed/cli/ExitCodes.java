package dev.heed.cli;

/**
 * The exit codes of the {@code heed} command, documented in {@code heed --help}.
 */
public final class ExitCodes {

    /** Everything read was written. */
    public static final int OK = 0;
    /** The run finished, but some records failed: see the errors file. */
    public static final int RECORDS_FAILED = 1;
    /** The command line or an option value is wrong. */
    public static final int USAGE = 2;
    /** A model could not be loaded: missing, truncated or altered files, or an unknown name. */
    public static final int MODEL = 3;
    /** Reading the input or writing an output failed. */
    public static final int IO = 4;
    /** An internal error: a bug, please report it with the stack trace. */
    public static final int INTERNAL = 5;

    /** The help footer that lists the codes. */
    public static final String HELP = """
            Exit codes:
              0  every record was written
              1  the run finished but some records failed (see the errors file)
              2  usage error: a wrong command line or option value
              3  model error: a missing, truncated or altered model, or an unknown model name
              4  I/O error: the input could not be read or an output could not be written
              5  internal error (a bug: please report it with the stack trace)""";

    private ExitCodes() {
    }
}
