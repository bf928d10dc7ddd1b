package dev.heed.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * Base of the variants that score with Luong's "general" form {@code q · W_a k}: {@link #prepare} computes
 * {@code W_a k} {@code (B, S, Dq)} once per source (child block {@code key}, no bias).
 */
abstract class GeneralScoredAttention extends SingleHeadAttention {

    private final Linear keyLayer;

    GeneralScoredAttention(AttentionConfig config) {
        super(config);
        keyLayer = addChildBlock("key", Linear.builder().setUnits(config.queryDim()).optBias(false).build());
    }

    @Override
    public PreparedKeys prepare(ParameterStore ps, NDArray keys, NDArray values, NDArray mask, boolean training) {
        checkKeys(keys, values);
        return new PreparedKeys(apply(keyLayer, ps, keys, training), values, mask);      // W_a k: (B, S, Dq)
    }

    @Override
    NDArray scores(ParameterStore ps, NDArray queries, PreparedKeys prepared, boolean training) {
        return queries.matMul(prepared.keys().transpose(0, 2, 1));                    // (B, T, S)
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        keyLayer.initialize(manager, dataType, new Shape(1, config.keyDim()));
    }
}
