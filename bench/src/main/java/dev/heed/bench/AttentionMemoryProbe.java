package dev.heed.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import dev.heed.attention.AttentionBlock;
import dev.heed.attention.AttentionConfig;
import dev.heed.attention.Attentions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory of one self-attention call: runs {@code VARIANT} at length {@code N} (batch 1, model size 64,
 * 1 head, window 64) in this fresh process and prints how far the process's resident-set high-water mark
 * ({@code VmHWM}) rose over a warm-up call at n = 16. Run once per configuration (bench/attention-memory).
 */
public final class AttentionMemoryProbe {

    private AttentionMemoryProbe() {
    }

    public static void main(String[] args) throws IOException {
        String variant = args[0];
        int n = Integer.parseInt(args[1]);
        try (NDManager manager = NDManager.newBaseManager()) {
            AttentionBlock block = Attentions.create(variant, AttentionConfig.selfAttention(64, 1, 64));
            block.setInitializer(new NormalInitializer(0.1f), p -> true);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 16, 64), new Shape(1, 16, 64),
                    new Shape(1, 16, 64), new Shape(1, 16));
            ParameterStore ps = new ParameterStore(manager, false);
            run(block, ps, manager, 16);
            run(block, ps, manager, 16);
            System.gc();
            long before = highWaterKb();
            run(block, ps, manager, n);
            long after = highWaterKb();
            System.out.printf("%s n=%d peak_increase_mib=%.1f%n", variant, n, (after - before) / 1024.0);
        }
    }

    private static void run(AttentionBlock block, ParameterStore ps, NDManager parent, int n) {
        try (NDManager step = parent.newSubManager()) {
            NDArray x = step.randomNormal(new Shape(1, n, 64));
            block.attend(ps, x, x, x, step.ones(new Shape(1, n)), false, false).context().getFloat(0, 0, 0);
        }
    }

    private static long highWaterKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmHWM in /proc/self/status (Linux only)");
    }
}
