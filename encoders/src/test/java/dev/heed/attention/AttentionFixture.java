package dev.heed.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.Pair;
import java.util.Random;

/** Builds tiny initialized attention blocks and padded inputs with fixed seeds, for tests. */
final class AttentionFixture {

    static final int BATCH = 3;
    static final int LENGTH = 6;
    static final int DIM = 8;
    static final int[] LENGTHS = {6, 4, 1};

    private AttentionFixture() {
    }

    static AttentionConfig config() {
        return new AttentionConfig(DIM, DIM, DIM, DIM, 2, 2);
    }

    static AttentionBlock block(String name, NDManager manager) {
        AttentionBlock block = Attentions.create(name, config());
        ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed(11);
        block.setInitializer(new NormalInitializer(0.4f), p -> true);
        block.initialize(manager, DataType.FLOAT32, new Shape(BATCH, LENGTH, DIM), new Shape(BATCH, LENGTH, DIM),
                new Shape(BATCH, LENGTH, DIM), new Shape(BATCH, LENGTH));
        return block;
    }

    static ParameterStore store(NDManager manager) {
        return new ParameterStore(manager, false);
    }

    static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    static NDArray input(NDManager manager, long seed) {
        return manager.create(random(BATCH * LENGTH * DIM, seed), new Shape(BATCH, LENGTH, DIM));
    }

    static NDArray mask(NDManager manager) {
        float[] m = new float[BATCH * LENGTH];
        for (int b = 0; b < BATCH; b++) {
            for (int s = 0; s < LENGTHS[b]; s++) {
                m[b * LENGTH + s] = 1f;
            }
        }
        return manager.create(m, new Shape(BATCH, LENGTH));
    }

    /** The values of the block's parameter whose name ends with {@code suffix}. */
    static float[] parameter(AttentionBlock block, String suffix) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getKey().endsWith(suffix)) {
                return p.getValue().getArray().toFloatArray();
            }
        }
        throw new IllegalArgumentException("no parameter ending in " + suffix + " among "
                + block.getParameters().keys());
    }
}
