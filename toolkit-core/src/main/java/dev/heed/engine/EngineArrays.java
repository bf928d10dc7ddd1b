package dev.heed.engine;

import ai.djl.ndarray.types.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Engine arrays made from Java data that own their memory. On the PyTorch engine {@code NDManager.create} of
 * a Java array does not copy into libtorch's memory: the tensor's storage is a Java direct buffer that lives
 * as long as the one Java handle that {@code create} returned. A view of it (a reshape, a slice, a tensor the
 * autograd graph saved) that outlives that handle reads memory the garbage collector has freed. Arrays made
 * here are copied once into storage the engine allocated and frees itself, so their lifetime is the engine's
 * reference count, like any other result. The copy costs one pass over the data, nothing next to a forward
 * pass. Code in this project makes arrays from Java data only through this class (a test checks the sources).
 *
 * <p>The array belongs to {@code manager}, which closes it. Stateless and thread-safe.
 */
public final class EngineArrays {

    private EngineArrays() {
    }

    /** {@code data} (row-major, exactly {@code shape.size()} values) as a float32 array of {@code shape}. */
    public static NDArray of(NDManager manager, float[] data, Shape shape) {
        check(data.length, shape);
        return owned(manager.create(data, shape));
    }

    /** {@code data} (row-major) as an int64 array of {@code shape}. */
    public static NDArray of(NDManager manager, long[] data, Shape shape) {
        check(data.length, shape);
        return owned(manager.create(data, shape));
    }

    /** {@code data} (row-major) as an int32 array of {@code shape}. */
    public static NDArray of(NDManager manager, int[] data, Shape shape) {
        check(data.length, shape);
        return owned(manager.create(data, shape));
    }

    /** {@code data} (row-major) as a float64 array of {@code shape}. */
    public static NDArray of(NDManager manager, double[] data, Shape shape) {
        check(data.length, shape);
        return owned(manager.create(data, shape));
    }

    /**
     * {@code data} (row-major, little-endian, exactly {@code shape.size()} elements of {@code dataType}, read from
     * its position to its limit) as an array of {@code shape} and {@code dataType}: the way to hand libtorch
     * half-precision weights as they are stored and let it widen them, rather than converting in Java.
     *
     * @throws IllegalArgumentException when the buffer holds a different number of bytes
     */
    public static NDArray of(NDManager manager, ByteBuffer data, Shape shape, DataType dataType) {
        long bytes = shape.size() * dataType.getNumOfBytes();
        if (data.remaining() != bytes) {
            throw new IllegalArgumentException(data.remaining() + " bytes cannot fill a " + dataType + " array of shape "
                    + shape + " (" + bytes + " bytes)");
        }
        ByteBuffer ordered = data.slice().order(ByteOrder.nativeOrder());
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new UnsupportedOperationException("little-endian tensors on a big-endian machine");
        }
        return owned(manager.create(ordered, shape, dataType));
    }

    /** {@code data} as a float64 vector. */
    public static NDArray of(NDManager manager, double[] data) {
        return of(manager, data, new Shape(data.length));
    }

    /** {@code data} as a float32 vector. */
    public static NDArray of(NDManager manager, float[] data) {
        return of(manager, data, new Shape(data.length));
    }

    /** {@code data} as an int64 vector. */
    public static NDArray of(NDManager manager, long[] data) {
        return of(manager, data, new Shape(data.length));
    }

    /** A copy of {@code borrowed} in engine memory; {@code borrowed}, which shares a Java buffer, is closed. */
    private static NDArray owned(NDArray borrowed) {
        try (borrowed) {
            return borrowed.duplicate();
        }
    }

    private static void check(int length, Shape shape) {
        if (length != shape.size()) {
            throw new IllegalArgumentException(length + " values cannot fill an array of shape " + shape);
        }
    }
}
