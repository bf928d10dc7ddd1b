package dev.heed.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * Additive attention (Bahdanau et al. 2015, <a href="https://arxiv.org/abs/1409.0473">arXiv:1409.0473</a>):
 * {@code score(q, k) = v · tanh(W_q q + W_k k)}. Uses {@code queryDim}, {@code keyDim}, {@code valueDim} and
 * {@code hiddenDim} (the size of the tanh layer). {@link #prepare} projects the keys once per source.
 */
public final class AdditiveAttention extends SingleHeadAttention {

    public static final String NAME = "additive";

    private final Linear queryLayer;
    private final Linear keyLayer;
    private final Parameter v;

    public AdditiveAttention(AttentionConfig config) {
        super(config);
        queryLayer = addChildBlock("query", Linear.builder().setUnits(config.hiddenDim()).optBias(false).build());
        keyLayer = addChildBlock("key", Linear.builder().setUnits(config.hiddenDim()).optBias(true).build());
        v = addParameter(Parameter.builder().setName("v").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.hiddenDim(), 1)).build());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PreparedKeys prepare(ParameterStore ps, NDArray keys, NDArray values, NDArray mask, boolean training) {
        checkKeys(keys, values);
        return new PreparedKeys(apply(keyLayer, ps, keys, training), values, mask);     // W_k k: (B, S, A)
    }

    @Override
    NDArray scores(ParameterStore ps, NDArray queries, PreparedKeys prepared, boolean training) {
        NDArray q = apply(queryLayer, ps, queries, training).expandDims(2);            // (B, T, 1, A)
        NDArray k = prepared.keys().expandDims(1);                                     // (B, 1, S, A)
        NDArray vv = ps.getValue(v, queries.getDevice(), training);                    // (A, 1)
        return q.add(k).tanh().matMul(vv).squeeze(-1);                                 // (B, T, S)
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        queryLayer.initialize(manager, dataType, new Shape(1, config.queryDim()));
        keyLayer.initialize(manager, dataType, new Shape(1, config.keyDim()));
    }
}
