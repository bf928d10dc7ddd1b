package dev.heed.tensor;

import java.util.Arrays;

/**
 * Where one tensor lies in a safetensors file: its type, shape and byte range in the data section.
 * Immutable.
 *
 * @param name the tensor's name in the header
 * @param dtype element type
 * @param shape dimensions, each {@code >= 0}; empty for a scalar
 * @param begin first byte in the data section (after the header), inclusive
 * @param end last byte, exclusive
 */
public record TensorInfo(String name, DType dtype, long[] shape, long begin, long end) {

    public TensorInfo {
        shape = shape.clone();
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor '" + name + "' has a negative dimension: "
                        + Arrays.toString(shape));
            }
        }
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("tensor '" + name + "' has invalid data_offsets [" + begin
                    + ", " + end + "]");
        }
        long expected = elementCount(shape) * dtype.bytes();
        if (end - begin != expected) {
            throw new IllegalArgumentException("tensor '" + name + "' of " + dtype + Arrays.toString(shape)
                    + " needs " + expected + " bytes but data_offsets [" + begin + ", " + end + "] hold "
                    + (end - begin));
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements: the product of the shape (1 for a scalar). */
    public long elementCount() {
        return elementCount(shape);
    }

    /** Size of the data in bytes. */
    public long byteSize() {
        return end - begin;
    }

    static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && name.equals(t.name) && dtype == t.dtype
                && Arrays.equals(shape, t.shape) && begin == t.begin && end == t.end;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + ":" + dtype + Arrays.toString(shape) + "@[" + begin + "," + end + ")";
    }
}
