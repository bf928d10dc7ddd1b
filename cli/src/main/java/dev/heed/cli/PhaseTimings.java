package dev.heed.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a command's wall time goes, printed on standard error when the environment has {@code HEED_TIMINGS=1}:
 * the launcher and the JVM until {@code main} (measured from the process's start time, which the operating system
 * records when the launcher script starts, since the script {@code exec}s the JVM), the model's load (libtorch loads
 * alongside it, see {@link EnginePreload}; its own time is printed too), and the run. Phases are marked in the order they happen; not thread-safe (the main thread marks them).
 */
final class PhaseTimings {

    static final String ENV = "HEED_TIMINGS";

    private static final boolean ON = enabled(System.getenv(ENV));
    private static final List<String> PHASES = new ArrayList<>();
    private static long last = System.nanoTime();

    private PhaseTimings() {
    }

    static boolean enabled(String value) {
        return value != null && !value.isBlank() && !value.equals("0") && !value.equalsIgnoreCase("false");
    }

    /** Marks the start of {@code main}: the time since the process started is the launcher's and the JVM's. */
    static void mainEntered() {
        if (!ON) {
            return;
        }
        last = System.nanoTime();
        ProcessHandle.current().info().startInstant().ifPresent(start ->
                PHASES.add(format("launcher+jvm", Duration.between(start, Instant.now()).toNanos())));
    }

    /** Ends the phase named {@code phase}: the time since the previous mark. */
    static void mark(String phase) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        PHASES.add(format(phase, now - last));
        last = now;
    }

    /** Prints the phases on {@code err} when timings are on. */
    static void print(PrintStream err) {
        if (ON && !PHASES.isEmpty()) {
            long libtorch = EnginePreload.nanos();
            err.println("heed: timings: " + String.join(", ", PHASES)
                    + (libtorch >= 0 ? " (libtorch loaded alongside in " + format("", libtorch).trim() + ")" : ""));
        }
    }

    private static String format(String phase, long nanos) {
        return String.format(Locale.ROOT, "%s %.3f s", phase, nanos / 1e9);
    }
}
