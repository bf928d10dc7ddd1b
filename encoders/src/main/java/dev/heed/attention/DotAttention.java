package dev.heed.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * Luong "dot" global attention (Luong et al. 2015, <a href="https://arxiv.org/abs/1508.04025">arXiv:1508.04025</a>):
 * {@code score(q, k) = q · k}. No parameters; needs {@code queryDim == keyDim}.
 */
public final class DotAttention extends SingleHeadAttention {

    public static final String NAME = "dot";

    public DotAttention(AttentionConfig config) {
        super(config);
        requireSameQueryAndKeySize();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    NDArray scores(ParameterStore ps, NDArray queries, PreparedKeys prepared, boolean training) {
        return queries.matMul(prepared.keys().transpose(0, 2, 1));                    // (B, T, S)
    }
}
