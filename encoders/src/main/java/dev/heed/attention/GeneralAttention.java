package dev.heed.attention;

/**
 * Luong "general" global attention (Luong et al. 2015, <a href="https://arxiv.org/abs/1508.04025">arXiv:1508.04025</a>):
 * {@code score(q, k) = q · W_a k}. {@link #prepare} computes {@code W_a k} {@code (B, S, Dq)} once per source.
 */
public final class GeneralAttention extends GeneralScoredAttention {

    public static final String NAME = "general";

    public GeneralAttention(AttentionConfig config) {
        super(config);
    }

    @Override
    public String name() {
        return NAME;
    }
}
