package dev.heed.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Whether this DJL build's PyTorch engine can hold a bfloat16 array, the first thing a bfloat16 forward pass would
 * need. {@code bench/probe Bfloat16Probe} prints each step before it runs it. On DJL 0.35.1 the JVM dies at the cast
 * ("terminate called without an active exception"): the JNI's data-type switch has no bfloat16 case and ends in a
 * bare {@code throw;} (bench/README.md, "bfloat16"). A DJL whose JNI maps bfloat16 prints the last line instead.
 */
public final class Bfloat16Probe {

    private Bfloat16Probe() {
    }

    public static void main(String[] args) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray values = manager.arange(0f, 6f).reshape(new Shape(2, 3));
            System.out.println("float32 array made: " + values.getDataType());
            System.out.println("casting it to bfloat16 (DJL " + ai.djl.engine.Engine.getDjlVersion() + ") ...");
            System.out.flush();
            NDArray half = values.toType(DataType.BFLOAT16, false);
            NDArray back = half.matMul(half.transpose()).toType(DataType.FLOAT32, false);
            System.out.println("bfloat16 works: " + java.util.Arrays.toString(back.toFloatArray()));
        }
    }
}
