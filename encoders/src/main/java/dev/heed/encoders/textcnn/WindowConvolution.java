package dev.heed.encoders.textcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 1-D convolution over time of one width, computed as the product of each position's window of
 * {@code width} vectors with the filter matrix: {@code y[b, s, f] = bias[f] + sum_k sum_e W[f, e, k] x[b, s + k, e]},
 * positions past the end reading zeros, so that there is one output per input position (the n-gram that starts
 * there).
 *
 * <p>Shapes: input {@code (B, S, E)}, output {@code (B, S, F)}; parameters {@code weight (F, E, width)} (the
 * layout of PyTorch's {@code Conv1d}, so weight files stay interchangeable) and {@code bias (F)}.
 *
 * <p>Why not libtorch's convolution: on the CPUs this project runs on, libtorch 2.7.1's convolution backward
 * (the oneDNN path it takes for batches of two or more) returned wrong input gradients for widths 2 to 4
 * (errors of the size of the gradient itself) and, for width 5, sometimes NaN read from memory nobody had
 * written, depending on what the allocator had left there; the forward pass was right. Windows times a matrix
 * use only slicing, stacking and {@code addmm}, whose gradients are exact
 * ({@code WindowConvolutionTest} checks them against a plain-Java product).
 *
 * <p>Parameters live in the block; calls hold no state and may run concurrently in inference.
 */
public final class WindowConvolution extends AbstractBlock {

    private final int width;
    private final int filters;
    private final Parameter weight;
    private final Parameter bias;

    /** A bank of {@code filters} filters over {@code width} consecutive positions. */
    public WindowConvolution(int width, int filters) {
        if (width < 1 || filters < 1) {
            throw new IllegalArgumentException("width and filters must be positive, got " + width + " and " + filters);
        }
        this.width = width;
        this.filters = filters;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(filters)).build());
    }

    /** Feature maps {@code (B, S, F)} of {@code x (B, S, E)}. */
    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        Shape shape = x.getShape();
        long batch = shape.get(0);
        long length = shape.get(1);
        long dim = shape.get(2);
        NDArray w = ps.getValue(weight, x.getDevice(), training);                  // (F, E, width)
        NDArray b = ps.getValue(bias, x.getDevice(), training);                    // (F)
        NDArray windows;                                                           // (B, S, E * width)
        if (width == 1) {
            windows = x;
        } else {
            NDArray padded = x.concat(x.getManager().zeros(new Shape(batch, width - 1, dim), x.getDataType()), 1);
            NDList shifted = new NDList(width);
            for (int k = 0; k < width; k++) {
                shifted.add(padded.get(new NDIndex(":, {}:{}, :", k, k + length)));   // (B, S, E)
            }
            windows = NDArrays.stack(shifted, 3);                                 // (B, S, E, width)
        }
        NDArray matrix = w.reshape(filters, dim * width);                         // (F, E * width), e-major
        matrix.attach(x.getManager());                                            // owned by the call, not the model
        NDArray flat = windows.reshape(batch * length, dim * width);
        return Linear.linear(flat, matrix, b).singletonOrThrow().reshape(batch, length, filters); // addmm
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), filters)};
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        weight.setShape(new Shape(filters, inputShapes[0].get(2), width));
    }
}
