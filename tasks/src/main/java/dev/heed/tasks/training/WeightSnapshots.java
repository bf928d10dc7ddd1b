package dev.heed.tasks.training;

import ai.djl.nn.Block;
import dev.heed.encoders.InPlace;
import java.util.HashMap;
import java.util.Map;

/**
 * Copies of a block's weights on the heap, by parameter path: to keep the best epoch, to restore it, and to
 * average the last epochs (checkpoint averaging). Stateless.
 */
public final class WeightSnapshots {

    private WeightSnapshots() {
    }

    /** Every parameter of {@code block}, copied. */
    public static Map<String, float[]> snapshot(Block block) {
        Map<String, float[]> copy = new HashMap<>();
        for (var p : block.getParameters()) {
            copy.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return copy;
    }

    /** Writes {@code weights} back into {@code block}'s parameters of the same paths; others are left as they are. */
    public static void restore(Block block, Map<String, float[]> weights) {
        for (var p : block.getParameters()) {
            float[] values = weights.get(p.getKey());
            if (values != null) {
                InPlace.overwrite(p.getValue().getArray(), values);
            }
        }
    }

    /** The element-wise mean of {@code snapshots} (all of one block). */
    public static Map<String, float[]> average(Iterable<Map<String, float[]>> snapshots) {
        Map<String, float[]> sum = new HashMap<>();
        int n = 0;
        for (Map<String, float[]> s : snapshots) {
            n++;
            for (var e : s.entrySet()) {
                float[] acc = sum.computeIfAbsent(e.getKey(), k -> new float[e.getValue().length]);
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += e.getValue()[i];
                }
            }
        }
        for (float[] acc : sum.values()) {
            for (int i = 0; i < acc.length; i++) {
                acc[i] /= n;
            }
        }
        return sum;
    }
}
