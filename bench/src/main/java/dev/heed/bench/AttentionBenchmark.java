package dev.heed.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import dev.heed.attention.AttentionBlock;
import dev.heed.attention.AttentionConfig;
import dev.heed.attention.AttentionOutput;
import dev.heed.attention.Attentions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One self-attention call on a batch of 1, model size 64: the cost of capturing weights (off, on, and on
 * with the copy to the Java heap that export does) and how the variants scale with the length n.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true",
        "--enable-native-access=ALL-UNNAMED"})
public class AttentionBenchmark {

    @Param({"multi-head", "sliding-window", "linear"})
    public String variant;

    @Param({"128", "512", "2048", "4096"})
    public int n;

    @Param({"1"})
    public int heads;

    @Param({"64"})
    public int window;

    private NDManager manager;
    private AttentionBlock block;
    private ParameterStore store;
    private NDArray x;
    private NDArray mask;

    @Setup
    public void setUp() {
        manager = NDManager.newBaseManager();
        block = Attentions.create(variant, AttentionConfig.selfAttention(64, heads, window));
        block.setInitializer(new NormalInitializer(0.1f), p -> true);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, n, 64), new Shape(1, n, 64), new Shape(1, n, 64),
                new Shape(1, n));
        store = new ParameterStore(manager, false);
        x = manager.randomNormal(new Shape(1, n, 64));
        mask = manager.ones(new Shape(1, n));
    }

    @TearDown
    public void tearDown() {
        manager.close();
    }

    /** Attention without capturing weights. */
    @Benchmark
    public float captureOff() {
        try (NDManager step = manager.newSubManager()) {
            x.tempAttach(step);
            mask.tempAttach(step);
            AttentionOutput out = block.attend(store, x, x, x, mask, false, false);
            return out.context().getFloat(0, 0, 0);
        }
    }

    /** Attention returning its weights, as the export path asks. */
    @Benchmark
    public float captureOn() {
        try (NDManager step = manager.newSubManager()) {
            x.tempAttach(step);
            mask.tempAttach(step);
            AttentionOutput out = block.attend(store, x, x, x, mask, false, true);
            return out.context().getFloat(0, 0, 0) + out.weights().map(w -> 1f).orElse(0f);
        }
    }

    /** Attention with its weights copied to the Java heap, as an exporter reads them. */
    @Benchmark
    public float captureAndCopy() {
        try (NDManager step = manager.newSubManager()) {
            x.tempAttach(step);
            mask.tempAttach(step);
            AttentionOutput out = block.attend(store, x, x, x, mask, false, true);
            float[] w = out.weights().map(NDArray::toFloatArray).orElse(new float[1]);
            return out.context().getFloat(0, 0, 0) + w[0];
        }
    }
}
