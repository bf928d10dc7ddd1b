package dev.heed.attention;

import ai.djl.ndarray.NDArray;

/**
 * Multi-head scaled dot-product attention (Vaswani et al. 2017, <a href="https://arxiv.org/abs/1706.03762">
 * arXiv:1706.03762</a>): {@code softmax(Q K^T / sqrt(d)) V} per head. Uses every field of the config but
 * {@code window}. Cost and memory grow with {@code T x S}.
 */
public final class MultiHeadAttention extends ProjectedAttention {

    public static final String NAME = "multi-head";

    public MultiHeadAttention(AttentionConfig config) {
        super(config);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    HeadsOutput attendHeads(NDArray q, NDArray k, NDArray v, NDArray mask, boolean capture) {
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div((float) Math.sqrt(headDim)); // (B, H, T, S)
        NDArray weights = Masks.maskedSoftmax(scores, Masks.keep4d(mask));
        return new HeadsOutput(weights.matMul(v), captured(weights, capture));              // (B, H, T, d)
    }
}
