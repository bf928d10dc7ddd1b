package dev.heed.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * Scaled dot-product attention (Vaswani et al. 2017, <a href="https://arxiv.org/abs/1706.03762">arXiv:1706.03762</a>),
 * one head: {@code score(q, k) = q · k / sqrt(Dk)}. No parameters; needs {@code queryDim == keyDim}.
 */
public final class ScaledDotAttention extends SingleHeadAttention {

    public static final String NAME = "scaled-dot";

    public ScaledDotAttention(AttentionConfig config) {
        super(config);
        requireSameQueryAndKeySize();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    NDArray scores(ParameterStore ps, NDArray queries, PreparedKeys prepared, boolean training) {
        return queries.matMul(prepared.keys().transpose(0, 2, 1)).div((float) Math.sqrt(config.keyDim()));
    }
}
