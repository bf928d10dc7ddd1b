package dev.heed.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * Base of the single-head variants, which differ only in how a query scores a key: weights are the masked
 * softmax of the scores {@code (B, T, S)}, the context their weighted sum of the values {@code (B, T, Dv)}.
 */
abstract class SingleHeadAttention extends AttentionBlock {

    SingleHeadAttention(AttentionConfig config) {
        super(config);
    }

    /** Scores {@code (B, T, S)} of every query against every prepared key, before masking. */
    abstract NDArray scores(ParameterStore ps, NDArray queries, PreparedKeys prepared, boolean training);

    @Override
    public AttentionOutput attend(ParameterStore ps, NDArray queries, PreparedKeys prepared, boolean training,
            boolean capture) {
        checkQueries(queries);
        NDArray scores = scores(ps, queries, prepared, training).expandDims(1);        // (B, 1, T, S)
        NDArray weights = Masks.maskedSoftmax(scores, Masks.keep4d(prepared.mask()));   // (B, 1, T, S)
        NDArray context = weights.squeeze(1).matMul(prepared.values());                 // (B, T, Dv)
        return new AttentionOutput(context, captured(weights, capture));
    }

    @Override
    public PreparedKeys prepare(ParameterStore ps, NDArray keys, NDArray values, NDArray mask, boolean training) {
        checkKeys(keys, values);
        return new PreparedKeys(keys, values, mask);
    }

    /** Applies a child linear layer to {@code x}. */
    static NDArray apply(Linear layer, ParameterStore ps, NDArray x, boolean training) {
        return BlockCalls.apply(layer, ps, x, training);
    }

    /** Requires equal query and key sizes (dot products). */
    void requireSameQueryAndKeySize() {
        if (config.queryDim() != config.keyDim()) {
            throw new IllegalArgumentException(name() + " attention needs queryDim == keyDim, got "
                    + config.queryDim() + " and " + config.keyDim() + "; use 'general' or 'additive' instead");
        }
    }
}
