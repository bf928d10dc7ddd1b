package dev.heed.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * libtorch's autograd switch for the calling thread. libtorch records the operations of every thread whose grad mode
 * is on, and grad mode is <em>per thread</em>, on by default; DJL turns it off only on the thread that created the
 * engine. Inference on any other thread (a worker of {@code --threads N}, a web server's request thread, the main
 * thread when libtorch was loaded in the background) would otherwise build an autograd graph it never uses, keeping
 * every intermediate tensor alive until the result is freed, and an in-place write into a parameter fails ("a view of
 * a leaf Variable that requires grad is being used in an in-place operation").
 *
 * <p>Inference entry points ({@code TextEncoder.encode}, the task models' predict, embed, translate and summarize
 * calls, the in-place parameter writes of model loading) run inside {@link #off()}. Training turns recording on
 * with DJL's {@code GradientCollector}, which this does not touch. Each scope affects only its own thread.
 */
public final class GradientMode {

    /** Restores the calling thread's grad mode as it was before {@link #off()}; closing twice is harmless. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static final Scope NOTHING_TO_RESTORE = () -> { };

    private static volatile boolean engineLoaded;

    private GradientMode() {
    }

    /**
     * Turns recording off on the calling thread until the returned scope is closed (a no-op scope when it was off
     * already). Loads the PyTorch engine if nothing has yet.
     */
    public static Scope off() {
        ensureEngine();
        if (!JniUtils.isGradMode()) {
            return NOTHING_TO_RESTORE;
        }
        JniUtils.setGradMode(false);
        boolean[] closed = {false};
        return () -> {
            if (!closed[0]) {
                closed[0] = true;
                JniUtils.setGradMode(true);
            }
        };
    }

    /** Whether the calling thread records operations for autograd. */
    public static boolean recording() {
        ensureEngine();
        return JniUtils.isGradMode();
    }

    private static void ensureEngine() {
        if (!engineLoaded) {
            Engine.getEngine("PyTorch");
            engineLoaded = true;
        }
    }
}
