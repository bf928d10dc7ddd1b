package dev.heed.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.heed.tensor.DType;
import dev.heed.tensor.SafeTensorsFile;
import dev.heed.tensor.SafeTensorsWriter;
import dev.heed.tensor.TensorFormatException;
import dev.heed.tensor.TensorInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves an encoder's parameters to and from safetensors files, by the names of
 * {@link EncoderBlock#namedParameters()} under a prefix. Loading checks every shape and fails naming what is
 * missing or does not fit. Stateless.
 */
public final class EncoderWeights {

    private EncoderWeights() {
    }

    /** Copies the tensors named {@code prefix + name} from {@code file} into the initialized {@code block}. */
    public static void load(EncoderBlock block, SafeTensorsFile file, String prefix) throws TensorFormatException {
        load(block, file, prefix, Set.of());
    }

    /**
     * Copies the tensors named {@code prefix + name} from {@code file} into the initialized {@code block}, except
     * the parameters named in {@code filledElsewhere} (names without the prefix), which the file need not hold.
     *
     * @throws TensorFormatException naming the file and the weights it lacks or whose shape does not fit
     */
    public static void load(EncoderBlock block, SafeTensorsFile file, String prefix, Set<String> filledElsewhere)
            throws TensorFormatException {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : block.namedParameters().entrySet()) {
            if (filledElsewhere.contains(e.getKey())) {
                continue;
            }
            String name = prefix + e.getKey();
            if (!file.tensors().containsKey(name)) {
                missing.add(name);
                continue;
            }
            TensorInfo info = file.info(name);
            NDArray array = e.getValue().getArray();
            Shape expected = array.getShape();
            if (!Arrays.equals(expected.getShape(), info.shape())) {
                throw new TensorFormatException("weight '" + name + "' in " + file.path() + " has shape "
                        + Arrays.toString(info.shape()) + " but the " + block.spec().name() + " encoder needs "
                        + expected + "; the model's config does not match its weights");
            }
            InPlace.overwrite(array, file, name);
        }
        if (!missing.isEmpty()) {
            throw new TensorFormatException(file.path() + " lacks " + missing.size() + " weights of the "
                    + block.spec().name() + " encoder, e.g. " + missing.subList(0, Math.min(5, missing.size())));
        }
    }

    /** Adds every parameter of {@code block} to {@code writer} as {@code prefix + name}, in F32. */
    public static void save(EncoderBlock block, SafeTensorsWriter writer, String prefix) {
        save(block, writer, prefix, DType.F32);
    }

    /**
     * Adds every parameter of {@code block} to {@code writer} as {@code prefix + name}, stored as {@code dtype}
     * (F32, F16 or BF16; {@link #load} reads any of them back as floats).
     */
    public static void save(EncoderBlock block, SafeTensorsWriter writer, String prefix, DType dtype) {
        save(block, writer, prefix, dtype, Set.of());
    }

    /**
     * As {@link #save(EncoderBlock, SafeTensorsWriter, String, DType)}, leaving out the parameters named in
     * {@code leftOut} (names without the prefix: weights kept elsewhere, such as a pretrained table).
     */
    public static void save(EncoderBlock block, SafeTensorsWriter writer, String prefix, DType dtype,
            Set<String> leftOut) {
        for (Map.Entry<String, Parameter> e : block.namedParameters().entrySet()) {
            if (leftOut.contains(e.getKey())) {
                continue;
            }
            NDArray array = e.getValue().getArray();
            writer.addFloats(prefix + e.getKey(), dtype, array.getShape().getShape(), array.toFloatArray());
        }
    }
}
