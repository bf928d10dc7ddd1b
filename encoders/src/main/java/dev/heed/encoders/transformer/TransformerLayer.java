package dev.heed.encoders.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.heed.attention.AttentionBlock;
import dev.heed.attention.AttentionConfig;
import dev.heed.attention.BlockCalls;
import dev.heed.attention.AttentionOutput;
import dev.heed.attention.Attentions;
import dev.heed.encoders.AttentionMap;
import java.util.List;

/**
 * One Transformer encoder layer (Vaswani et al. 2017, <a href="https://arxiv.org/abs/1706.03762">arXiv:1706.03762</a>)
 * with the self-attention variant chosen by name: pre-LN {@code x + Attn(LN(x))}, {@code x + FFN(LN(x))},
 * or post-LN {@code LN(x + Attn(x))}, {@code LN(x + FFN(x))}; FFN is {@code W2 GELU(W1 x)}. States
 * {@code (B, S, D)} in and out. The {@code transformer} encoder uses it pre- or post-LN; the {@code bert} encoder
 * post-LN with multi-head attention, which is BERT's layer.
 */
public final class TransformerLayer extends AbstractBlock {

    private final LayerSettings config;
    private final AttentionBlock attention;
    private final LayerNorm attentionNorm;
    private final Linear inner;
    private final Linear outer;
    private final LayerNorm ffnNorm;

    public TransformerLayer(LayerSettings config) {
        this.config = config;
        attention = addChildBlock("attention", Attentions.create(config.attention(),
                AttentionConfig.selfAttention(config.dim(), config.heads(), config.window())));
        attentionNorm = addChildBlock("attentionNorm",
                LayerNorm.builder().axis(2).optEpsilon(config.layerNormEps()).build());
        inner = addChildBlock("inner", Linear.builder().setUnits(config.ffnDim()).build());
        outer = addChildBlock("outer", Linear.builder().setUnits(config.dim()).build());
        ffnNorm = addChildBlock("ffnNorm", LayerNorm.builder().axis(2).optEpsilon(config.layerNormEps()).build());
    }

    /** Whether its attention has weights to show. */
    public boolean producesWeights() {
        return attention.producesWeights();
    }

    /** The self-attention block. */
    public AttentionBlock attention() {
        return attention;
    }

    /** The LayerNorm of the attention sub-layer. */
    public LayerNorm attentionNorm() {
        return attentionNorm;
    }

    /** The feed-forward layer's first ({@code dim -> ffnDim}) and second ({@code ffnDim -> dim}) linear maps. */
    public Linear inner() {
        return inner;
    }

    public Linear outer() {
        return outer;
    }

    /** The LayerNorm of the feed-forward sub-layer. */
    public LayerNorm ffnNorm() {
        return ffnNorm;
    }

    /**
     * Runs {@code x} through {@code layers} in order, adding each layer's self-attention weights to
     * {@code maps} when {@code capture}; returns the last layer's states.
     */
    public static NDArray runAll(List<TransformerLayer> layers, ParameterStore ps, NDArray x, NDArray mask,
            boolean training, boolean capture, List<AttentionMap> maps) {
        NDArray states = x;
        for (int i = 0; i < layers.size(); i++) {
            AttentionOutput out = layers.get(i).forward(ps, states, mask, training, capture);
            states = out.context();
            final int layer = i;
            out.weights().ifPresent(w -> maps.add(new AttentionMap(AttentionMap.SELF_ATTENTION, layer, w)));
        }
        return states;
    }

    /** States {@code (B, S, D)} after this layer, with the attention weights when {@code capture}. */
    public AttentionOutput forward(ParameterStore ps, NDArray x, NDArray mask, boolean training, boolean capture) {
        boolean pre = config.preNorm();
        NDArray in = pre ? norm(attentionNorm, ps, x, training) : x;
        AttentionOutput attended = attention.attend(ps, in, in, in, mask, training, capture);
        NDArray h = x.add(dropout(attended.context(), training));
        if (!pre) {
            h = norm(attentionNorm, ps, h, training);
        }
        NDArray ffnIn = pre ? norm(ffnNorm, ps, h, training) : h;
        NDArray ffn = BlockCalls.linear(outer, ps, Activation.gelu(BlockCalls.linear(inner, ps, ffnIn, training)),
                training);
        NDArray out = h.add(dropout(ffn, training));
        if (!pre) {
            out = norm(ffnNorm, ps, out, training);
        }
        return new AttentionOutput(out, attended.weights());
    }

    private NDArray dropout(NDArray x, boolean training) {
        return BlockCalls.dropout(x, config.dropout(), training);
    }

    static NDArray norm(LayerNorm layer, ParameterStore ps, NDArray x, boolean training) {
        return BlockCalls.apply(layer, ps, x, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.get(0), inputs.get(1), training, false).context());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        int d = config.dim();
        attention.initialize(manager, dataType, new Shape(1, 1, d), new Shape(1, 1, d), new Shape(1, 1, d), new Shape(1, 1));
        attentionNorm.initialize(manager, dataType, new Shape(1, 1, d));
        inner.initialize(manager, dataType, new Shape(1, d));
        outer.initialize(manager, dataType, new Shape(1, config.ffnDim()));
        ffnNorm.initialize(manager, dataType, new Shape(1, 1, d));
    }
}
