package dev.heed.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.Optional;

/**
 * Linear attention (Katharopoulos et al. 2020, <a href="https://arxiv.org/abs/2006.16236">arXiv:2006.16236</a>):
 * with the feature map {@code phi(x) = elu(x) + 1}, the context of query t is
 * {@code phi(q_t) (sum_s phi(k_s) v_s^T) / (phi(q_t) . sum_s phi(k_s))}. Cost and memory grow with the length,
 * not its square. There is no {@code T x S} matrix: {@link #producesWeights()} is false and the weights
 * are always empty. Takes key-padding masks {@code (B, S)} only (no causal masking).
 */
public final class LinearAttention extends ProjectedAttention {

    public static final String NAME = "linear";

    public LinearAttention(AttentionConfig config) {
        super(config);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean producesWeights() {
        return false;
    }

    @Override
    HeadsOutput attendHeads(NDArray q, NDArray k, NDArray v, NDArray mask, boolean capture) {
        if (mask.getShape().dimension() != 2) {
            throw new IllegalArgumentException("linear attention takes a key-padding mask (B, S), got "
                    + mask.getShape());
        }
        NDArray keep = mask.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).expandDims(1).expandDims(-1);
        NDArray phiQ = Activation.elu(q, 1f).add(1f);                                   // (B, H, T, d)
        NDArray phiK = Activation.elu(k, 1f).add(1f).mul(keep);                         // (B, H, S, d)
        NDArray kv = phiK.transpose(0, 1, 3, 2).matMul(v);                              // (B, H, d, d)
        NDArray z = phiK.sum(new int[] {2}).expandDims(-1);                             // (B, H, d, 1)
        NDArray context = phiQ.matMul(kv).div(phiQ.matMul(z).add(1e-6f));              // (B, H, T, d)
        return new HeadsOutput(context, Optional.empty());
    }
}
