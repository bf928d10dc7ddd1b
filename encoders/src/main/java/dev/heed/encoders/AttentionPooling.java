package dev.heed.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.heed.attention.Masks;

/**
 * Attention pooling (Yang et al. 2016, <a href="https://aclanthology.org/N16-1174/">hierarchical attention
 * networks</a>): {@code alpha = softmax_s(u · tanh(W h_s + b))} over real positions, pooled vector
 * {@code sum_s alpha_s h_s}. The weights {@code (B, 1, 1, S)} tell which positions decided.
 */
public final class AttentionPooling extends AbstractBlock {

    private final Linear projection;
    private final Parameter context;
    private final int inputDim;

    /** Pooled vector and the weights {@code (B, 1, 1, S)}. */
    public record Pooled(NDArray vector, NDArray weights) {
    }

    public AttentionPooling(int inputDim, int attentionDim) {
        this.inputDim = inputDim;
        projection = addChildBlock("projection", Linear.builder().setUnits(attentionDim).build());
        context = addParameter(Parameter.builder().setName("context").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(attentionDim, 1)).build());
    }

    /** Pools {@code states} {@code (B, S, D)} over the positions where {@code mask} {@code (B, S)} is 1. */
    public Pooled pool(ParameterStore ps, NDArray states, NDArray mask, boolean training) {
        NDArray h = projection.forward(ps, new NDList(states), training).singletonOrThrow().tanh();   // (B, S, A)
        NDArray scores = h.matMul(ps.getValue(context, states.getDevice(), training))                 // (B, S, 1)
                .transpose(0, 2, 1).expandDims(1);                                                   // (B, 1, 1, S)
        NDArray weights = Masks.maskedSoftmax(scores, Masks.keep4d(mask));
        NDArray vector = weights.squeeze(1).matMul(states).squeeze(1);                               // (B, D)
        return new Pooled(vector, weights);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(pool(ps, inputs.get(0), inputs.get(1), training).vector());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputDim)};
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        projection.initialize(manager, dataType, new Shape(1, inputDim));
    }
}
