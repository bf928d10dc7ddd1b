package dev.heed.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.heed.engine.EngineArrays;
import dev.heed.engine.GradientMode;
import dev.heed.tensor.SafeTensorsFile;
import dev.heed.tensor.TensorInfo;
import java.util.Collections;

/**
 * Writes into an array's own memory. On the PyTorch engine {@code NDArray.set(Buffer)} does not copy: it makes
 * the tensor's storage the Java buffer it was given, which lives only as long as that one Java handle. A
 * parameter or gradient reached through another handle then points at memory the garbage collector frees, and
 * the next update writes into freed memory. These copy, through the engine's indexed assignment, and keep the
 * tensor's storage where it was. The writes are not recorded for autograd, whatever the calling thread's grad mode
 * ({@link GradientMode}). Stateless.
 */
public final class InPlace {

    private InPlace() {
    }

    /** Every element of {@code target} set to {@code value}. */
    public static void fill(NDArray target, float value) {
        try (GradientMode.Scope write = GradientMode.off()) {
            write(target, view -> view.set(everything(view), value));
        }
    }

    /** {@code target}'s elements replaced by {@code values} (row-major, exactly {@code target.size()} of them). */
    public static void overwrite(NDArray target, float[] values) {
        if (values.length != target.size()) {
            throw new IllegalArgumentException(values.length + " values for an array of " + target.getShape());
        }
        try (GradientMode.Scope write = GradientMode.off();
                NDArray source = EngineArrays.of(target.getManager(), values, target.getShape())) {
            write(target, source.toType(target.getDataType(), false));
        }
    }

    /**
     * {@code target}'s elements replaced by tensor {@code name} of {@code file} (the same number of elements), which
     * libtorch widens from F16 itself rather than element by element in Java; other stored types go through
     * {@link SafeTensorsFile#floats}. The values are exactly those {@code floats} gives.
     *
     * @throws IllegalArgumentException when the element counts differ or the tensor is not floating-point
     */
    public static void overwrite(NDArray target, SafeTensorsFile file, String name) {
        TensorInfo info = file.info(name);
        DataType stored = switch (info.dtype()) {
            case F32 -> DataType.FLOAT32;
            case F16 -> DataType.FLOAT16;
            default -> null; // BF16 too: DJL 0.35 aborts the process making a bfloat16 array from a buffer
        };
        if (stored == null) {
            overwrite(target, file.floats(name));
            return;
        }
        if (info.elementCount() != target.size()) {
            throw new IllegalArgumentException("tensor '" + name + "' has " + info.elementCount()
                    + " values for an array of " + target.getShape());
        }
        try (GradientMode.Scope write = GradientMode.off();
                NDArray raw = EngineArrays.of(target.getManager(), file.bytes(name), target.getShape(), stored);
                NDArray widened = raw.toType(target.getDataType(), true)) {
            write(target, widened);
        }
    }

    /** {@code target}'s elements replaced by those of {@code source} (same shape), copied into its own memory. */
    public static void assign(NDArray target, NDArray source) {
        if (!target.getShape().equals(source.getShape())) {
            throw new IllegalArgumentException("cannot assign an array of " + source.getShape() + " to one of "
                    + target.getShape());
        }
        try (GradientMode.Scope write = GradientMode.off()) {
            write(target, source);
        }
    }

    /**
     * Runs {@code assignment} on a view of {@code target} (the same memory) that belongs to a scratch manager
     * closed right after. The engine's indexed assignment leaves arrays behind on the managers of the arrays it
     * reads and writes, and a parameter's or gradient's manager lives as long as the model: a write per training
     * batch kept them all (the size of the gradient, every batch, when clipping).
     */
    private static void write(NDArray target, java.util.function.Consumer<NDArray> assignment) {
        try (NDManager scratch = target.getManager().newSubManager()) {
            assignment.accept(viewIn(scratch, target));
        }
    }

    /** {@code target}'s elements replaced by {@code source}'s, both read through views on a scratch manager. */
    private static void write(NDArray target, NDArray source) {
        try (NDManager scratch = target.getManager().newSubManager()) {
            NDArray view = viewIn(scratch, target);
            view.set(everything(view), viewIn(scratch, source));
        }
    }

    private static NDArray viewIn(NDManager scratch, NDArray array) {
        NDArray view = array.reshape(array.getShape());
        view.attach(scratch);
        return view;
    }

    private static NDIndex everything(NDArray target) {
        int rank = target.getShape().dimension();
        if (rank == 0) {
            throw new IllegalArgumentException("a scalar array has no elements to index");
        }
        return new NDIndex(String.join(", ", Collections.nCopies(rank, ":")));
    }
}
