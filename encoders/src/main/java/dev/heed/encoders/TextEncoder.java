package dev.heed.encoders;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import dev.heed.engine.GradientMode;

/**
 * An encoder ready for inference: an initialized {@link EncoderBlock} with the manager that owns its
 * parameters. Calls take a request manager that owns their inputs and outputs, so that closing it frees
 * everything a call made.
 *
 * <p>Thread-safe for concurrent {@link #encode} calls once built. The creator closes it; {@link #close()}
 * is idempotent and frees the parameters.
 */
public final class TextEncoder implements AutoCloseable {

    private final EncoderBlock block;
    private final NDManager manager;
    private final ParameterStore store;
    private boolean closed;

    private TextEncoder(EncoderBlock block, NDManager manager) {
        this.block = block;
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
    }

    /**
     * Initializes {@code block} with fresh parameters (Xavier, fixed by the engine's seed) on {@code device}.
     */
    public static TextEncoder initialize(EncoderBlock block, Device device) {
        NDManager manager = NDManager.newBaseManager(device);
        block.setInitializer(new XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, EncoderBlock.inputShapes(8));
        return new TextEncoder(block, manager);
    }

    /** Wraps a block whose parameters already live in {@code manager} (loaded weights); takes ownership. */
    public static TextEncoder wrap(EncoderBlock block, NDManager manager) {
        return new TextEncoder(block, manager);
    }

    /**
     * Encodes {@code ids} {@code (B, S)} under {@code mask} {@code (B, S)} in eval mode; the results belong to
     * the ids' manager.
     */
    public EncoderOutput encode(NDArray ids, NDArray mask, boolean capture) {
        if (closed) {
            throw new IllegalStateException("this encoder is closed");
        }
        try (GradientMode.Scope inference = GradientMode.off()) {
            return block.encode(store, ids, mask, false, capture);
        }
    }

    /** The encoder block. */
    public EncoderBlock block() {
        return block;
    }

    /** What the encoder produces. */
    public EncoderSpec spec() {
        return block.spec();
    }

    /** The manager that owns the parameters. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }
}
