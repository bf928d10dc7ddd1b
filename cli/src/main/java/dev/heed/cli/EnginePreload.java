package dev.heed.cli;

import java.util.List;
import java.util.Set;

/**
 * Loads libtorch on a background thread while the main thread parses the command line and reads the model's files,
 * so that the two overlap: loading libtorch's shared libraries takes most of a second, and so does reading,
 * verifying and parsing a model. It tunes glibc's allocator first ({@link dev.heed.engine.NativeAllocator}); a model
 * load tunes it too, so a command without the preload is tuned all the same. Started only for the commands that run a model, and not for their help or version.
 * A failure here is not reported: the command meets the same failure when it asks for the engine and reports it.
 */
final class EnginePreload {

    /** The subcommands whose every run loads libtorch. */
    static final Set<String> MODEL_COMMANDS = Set.of("sentiment", "embed", "translate", "summarize", "search",
            "index", "eval", "train", "doctor");

    /** Set to {@code false} to load libtorch on the main thread, when the model asks for it. */
    static final String PROPERTY = "heed.preload";

    private static volatile long nanos = -1;

    private EnginePreload() {
    }

    /** Whether {@code args} run a command that loads libtorch (and not its help or version). */
    static boolean wanted(List<String> args) {
        if (args.isEmpty() || !MODEL_COMMANDS.contains(args.get(0))) {
            return false;
        }
        return args.stream().noneMatch(a -> a.equals("-h") || a.equals("--help") || a.equals("-V")
                || a.equals("--version"));
    }

    /** Starts the background load when {@code args} call for it (and {@value #PROPERTY} is not {@code false}). */
    static void startFor(String[] args) {
        if (!wanted(List.of(args)) || "false".equals(System.getProperty(PROPERTY))) {
            return;
        }
        Thread loader = new Thread(() -> {
            long start = System.nanoTime();
            try {
                dev.heed.engine.NativeAllocator.tune(); // before libtorch allocates anything
                ai.djl.engine.Engine.getEngine("PyTorch");
                nanos = System.nanoTime() - start;
            } catch (RuntimeException | LinkageError e) {
                // reported by the command when it needs the engine
            }
        }, "heed-libtorch-preload");
        loader.setDaemon(true);
        loader.start();
    }

    /** How long the background load took, in nanoseconds; -1 when it did not run or has not finished. */
    static long nanos() {
        return nanos;
    }
}
