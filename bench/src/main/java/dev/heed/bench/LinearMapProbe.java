package dev.heed.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;

/**
 * How fast libtorch multiplies a BERT layer's linear maps at {@code M} rows (25 = one average SST-2 sentence):
 * GFLOPS of each MiniLM shape with its weight warm in cache, then of all six maps of {@code LAYERS} layers in turn
 * (six layers' weights are 42.5 MB, more than this machine's L3), each way of computing them: {@code linear}
 * (what the encoder calls), the input times a pre-transposed weight, the weight times the transposed input,
 * and a 1x1 convolution (which libtorch hands to oneDNN). Usage: {@code bench/probe LinearMapProbe [M] [LAYERS]}.
 */
public final class LinearMapProbe {

    private static final int[][] LAYER_SHAPES = {{384, 384}, {384, 384}, {384, 384}, {384, 384}, {384, 1536},
        {1536, 384}};
    private static final String[] WAYS = {"linear(x, W)", "x times W^T (pre-transposed)", "W times x^T",
        "1x1 convolution"};

    private LinearMapProbe() {
    }

    public static void main(String[] args) {
        int m = args.length > 0 ? Integer.parseInt(args[0]) : 25;
        int layers = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        try (NDManager manager = NDManager.newBaseManager()) {
            List<NDArray[]> maps = new ArrayList<>();
            for (int l = 0; l < layers; l++) {
                for (int[] kn : LAYER_SHAPES) {
                    NDArray w = manager.randomNormal(new Shape(kn[1], kn[0]));
                    maps.add(new NDArray[] {w, w.transpose().duplicate(), manager.randomNormal(new Shape(kn[1])),
                        manager.randomNormal(new Shape(m, kn[0])), w.reshape(kn[1], kn[0], 1)});
                }
            }
            System.out.printf("M = %d, warm weights (one shape at a time):%n", m);
            for (int s = 2; s < 6; s++) {
                NDArray[] one = maps.get(s);
                System.out.printf("  %d x %d times %d x %d: %.0f GFLOPS%n", m, one[0].getShape().get(1),
                        one[0].getShape().get(1), one[0].getShape().get(0), gflops(manager, List.<NDArray[]>of(one), m, 0, 2000));
            }
            System.out.printf("M = %d, the six maps of %d layers in turn:%n", m, layers);
            for (int way = 0; way < WAYS.length; way++) {
                System.out.printf("  %-30s %.0f GFLOPS%n", WAYS[way], gflops(manager, maps, m, way, 200));
            }
        }
    }

    private static double gflops(NDManager manager, List<NDArray[]> maps, int m, int way, int reps) {
        double flop = 0;
        for (NDArray[] map : maps) {
            flop += 2.0 * m * map[0].getShape().get(0) * map[0].getShape().get(1);
        }
        long start = 0;
        for (int r = -reps / 10; r < reps; r++) {
            if (r == 0) {
                start = System.nanoTime();
            }
            try (NDManager step = manager.newSubManager()) {
                for (NDArray[] map : maps) {
                    NDArray x = map[3];
                    x.tempAttach(step);
                    switch (way) {
                        case 0 -> Linear.linear(x, map[0], map[2]);
                        case 1 -> x.matMul(map[1]).addi(map[2]);
                        case 2 -> map[0].matMul(x.transpose());
                        default -> Conv1d.conv1d(x.reshape(m, x.getShape().get(1), 1), map[4], map[2]);
                    }
                }
            }
        }
        return flop * reps / (System.nanoTime() - start);
    }
}
