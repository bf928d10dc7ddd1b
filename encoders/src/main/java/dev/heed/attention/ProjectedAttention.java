package dev.heed.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.Optional;

/**
 * Base of the multi-head variants: queries, keys and values are projected to {@code hiddenDim} and split
 * into {@code heads} heads of size {@code d = hiddenDim / heads}; each variant computes the per-head
 * context; the heads are merged and projected back to {@code hiddenDim}. Child blocks are named
 * {@code query}, {@code key}, {@code value} and {@code output} (all with biases), like BERT's.
 */
abstract class ProjectedAttention extends AttentionBlock {

    private final Linear queryLayer;
    private final Linear keyLayer;
    private final Linear valueLayer;
    private final Linear outputLayer;
    protected final int headDim;

    /** The per-head context {@code (B, H, T, d)} and, when captured, the weights {@code (B, H, T, S)}. */
    record HeadsOutput(NDArray context, Optional<NDArray> weights) {
    }

    ProjectedAttention(AttentionConfig config) {
        super(config);
        if (config.hiddenDim() % config.heads() != 0) {
            throw new IllegalArgumentException(name() + " attention needs hiddenDim divisible by heads, got "
                    + config.hiddenDim() + " and " + config.heads());
        }
        headDim = config.hiddenDim() / config.heads();
        queryLayer = addChildBlock("query", Linear.builder().setUnits(config.hiddenDim()).build());
        keyLayer = addChildBlock("key", Linear.builder().setUnits(config.hiddenDim()).build());
        valueLayer = addChildBlock("value", Linear.builder().setUnits(config.hiddenDim()).build());
        outputLayer = addChildBlock("output", Linear.builder().setUnits(config.hiddenDim()).build());
    }

    @Override
    public int heads() {
        return config.heads();
    }

    @Override
    public int outputDim() {
        return config.hiddenDim();
    }

    /** Per-head attention from {@code q} {@code (B, H, T, d)} to {@code k}, {@code v} {@code (B, H, S, d)}. */
    abstract HeadsOutput attendHeads(NDArray q, NDArray k, NDArray v, NDArray mask, boolean capture);

    @Override
    public PreparedKeys prepare(ParameterStore ps, NDArray keys, NDArray values, NDArray mask, boolean training) {
        checkKeys(keys, values);
        return new PreparedKeys(split(project(keyLayer, ps, keys, training)),
                split(project(valueLayer, ps, values, training)), mask);                // (B, H, S, d)
    }

    @Override
    public AttentionOutput attend(ParameterStore ps, NDArray queries, PreparedKeys prepared, boolean training,
            boolean capture) {
        checkQueries(queries);
        NDArray q = split(project(queryLayer, ps, queries, training));                  // (B, H, T, d)
        HeadsOutput heads = attendHeads(q, prepared.keys(), prepared.values(), prepared.mask(), capture);
        Shape qs = queries.getShape();
        NDArray merged = heads.context().transpose(0, 2, 1, 3)
                .reshape(qs.get(0), qs.get(1), config.hiddenDim());                     // (B, T, hidden)
        return new AttentionOutput(project(outputLayer, ps, merged, training), heads.weights());
    }

    private NDArray split(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), config.heads(), headDim).transpose(0, 2, 1, 3);
    }

    private static NDArray project(Linear layer, ParameterStore ps, NDArray x, boolean training) {
        return BlockCalls.linear(layer, ps, x, training);
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        queryLayer.initialize(manager, dataType, new Shape(1, config.queryDim()));
        keyLayer.initialize(manager, dataType, new Shape(1, config.keyDim()));
        valueLayer.initialize(manager, dataType, new Shape(1, config.valueDim()));
        outputLayer.initialize(manager, dataType, new Shape(1, config.hiddenDim()));
    }
}
