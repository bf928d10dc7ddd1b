package dev.heed.batch;

import java.io.Console;

/** Whether the process talks to a terminal. */
final class Terminals {

    private Terminals() {
    }

    /**
     * True when standard error is most likely a terminal: a console exists that is a terminal (Java 22+
     * {@code Console.isTerminal()}), and {@code TERM} is set to something other than {@code dumb}.
     */
    static boolean stderrIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Object terminal = Console.class.getMethod("isTerminal").invoke(console);
            if (!(terminal instanceof Boolean b) || !b) {
                return false;
            }
        } catch (ReflectiveOperationException e) {
            // Java 21: a non-null console already means a terminal on both ends
        }
        String term = System.getenv("TERM");
        return term != null && !term.equals("dumb");
    }
}
