package dev.heed.spark;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Prepares a Spark task thread for inference. PyTorch's autograd switch is per thread and on by default: DJL turns
 * it off only on the thread that starts the engine, so on an executor's other task threads loading weights into
 * parameters fails ("a view of a leaf Variable that requires grad is being used in an in-place operation") and
 * inference would record a graph it never uses. The library's own inference calls and weight loading now turn it
 * off for their duration on any thread ({@code dev.heed.engine.GradientMode}); this keeps a task thread off for
 * whatever else runs on it. Stateless.
 */
public final class InferenceThreads {

    private InferenceThreads() {
    }

    /** Turns autograd off on the calling thread (a cheap native call; safe to repeat). */
    public static void prepare() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setGradMode(false);
        }
    }
}
