package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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
import dev.heed.attention.AttentionOutput;
import dev.heed.attention.Attentions;
import dev.heed.attention.BlockCalls;
import dev.heed.attention.PreparedKeys;

/**
 * One pre-LN Transformer decoder layer (Vaswani et al. 2017; pre-LN as Xiong et al. 2020): {@code x + Self(LN(x))}
 * under a causal mask, {@code x + Cross(LN(x), source)}, {@code x + FFN(LN(x))} with {@code FFN = W2 ReLU(W1 x)}.
 * Self-attention is {@code multi-head}; cross-attention the variant named in the config.
 */
final class TransformerDecoderLayer extends AbstractBlock {

    private final DecoderConfig config;
    private final int sourceDim;
    private final AttentionBlock self;
    private final AttentionBlock cross;
    private final LayerNorm selfNorm;
    private final LayerNorm crossNorm;
    private final LayerNorm ffnNorm;
    private final Linear inner;
    private final Linear outer;

    TransformerDecoderLayer(DecoderConfig config, int sourceDim) {
        this.config = config;
        this.sourceDim = sourceDim;
        int d = config.dim();
        self = addChildBlock("self", Attentions.create("multi-head", AttentionConfig.selfAttention(d, config.heads(),
                config.window())));
        cross = addChildBlock("cross", Attentions.create(config.attention(), new AttentionConfig(d, sourceDim,
                sourceDim, d, config.heads(), config.window())));
        selfNorm = addChildBlock("selfNorm", LayerNorm.builder().axis(2).build());
        crossNorm = addChildBlock("crossNorm", LayerNorm.builder().axis(2).build());
        ffnNorm = addChildBlock("ffnNorm", LayerNorm.builder().axis(2).build());
        inner = addChildBlock("inner", Linear.builder().setUnits(config.ffnDim()).build());
        outer = addChildBlock("outer", Linear.builder().setUnits(d).build());
    }

    /** The cross-attention block, to prepare the source for it once. */
    AttentionBlock cross() {
        return cross;
    }

    /** Heads of the cross-attention. */
    int crossHeads() {
        return cross.heads();
    }

    /**
     * States {@code (B, T, D)} after this layer, with the cross-attention {@code (B, H, T, S)} when captured.
     *
     * @param causal {@code (1, T, T)}: position t sees positions up to t
     */
    AttentionOutput forward(ParameterStore ps, NDArray x, NDArray causal, PreparedKeys source, boolean training,
            boolean capture) {
        NDArray in = norm(selfNorm, ps, x, training);
        NDArray h = x.add(dropout(self.attend(ps, in, in, in, causal, training, false).context(), training));
        AttentionOutput attended = cross.attend(ps, norm(crossNorm, ps, h, training), source, training, capture);
        h = h.add(dropout(attended.context(), training));
        NDArray ffnIn = norm(ffnNorm, ps, h, training);
        NDArray ffn = BlockCalls.linear(outer, ps, Activation.relu(BlockCalls.linear(inner, ps, ffnIn, training)),
                training);
        return new AttentionOutput(h.add(dropout(ffn, training)), attended.weights());
    }

    /** One position's output, the self-attention keys and values cached so far, and the cross-attention. */
    record Step(NDArray output, PreparedKeys cache, java.util.Optional<NDArray> weights) {
    }

    /**
     * The layer for one new position {@code x} {@code (B, 1, D)} given the keys and values of the positions
     * before it ({@code cache}, empty at the first): the same numbers as {@link #forward} at that position, at the
     * cost of one position.
     */
    Step step(ParameterStore ps, NDArray x, java.util.Optional<PreparedKeys> cache, PreparedKeys source,
            boolean capture) {
        NDArray in = norm(selfNorm, ps, x, false);
        NDArray one = x.getManager().ones(new Shape(x.getShape().get(0), 1));
        PreparedKeys added = self.prepare(ps, in, in, one, false);
        PreparedKeys keys = cache.map(c -> new PreparedKeys(c.keys().concat(added.keys(), 2),
                c.values().concat(added.values(), 2), c.mask().concat(one, 1))).orElse(added);
        NDArray h = x.add(self.attend(ps, in, keys, false, false).context());
        AttentionOutput attended = cross.attend(ps, norm(crossNorm, ps, h, false), source, false, capture);
        h = h.add(attended.context());
        NDArray ffn = BlockCalls.linear(outer, ps, Activation.relu(BlockCalls.linear(inner, ps,
                norm(ffnNorm, ps, h, false), false)), false);
        return new Step(h.add(ffn), keys, attended.weights());
    }

    private static NDArray norm(LayerNorm layer, ParameterStore ps, NDArray x, boolean training) {
        return BlockCalls.apply(layer, ps, x, training);
    }

    private NDArray dropout(NDArray x, boolean training) {
        return BlockCalls.dropout(x, config.dropout(), training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("call forward(ps, x, causal, source, training, capture)");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        int d = config.dim();
        self.initialize(manager, dataType, new Shape(1, 1, d), new Shape(1, 1, d), new Shape(1, 1, d), new Shape(1, 1));
        cross.initialize(manager, dataType, new Shape(1, 1, d), new Shape(1, 1, sourceDim), new Shape(1, 1, sourceDim),
                new Shape(1, 1));
        for (LayerNorm n : new LayerNorm[] {selfNorm, crossNorm, ffnNorm}) {
            n.initialize(manager, dataType, new Shape(1, 1, d));
        }
        inner.initialize(manager, dataType, new Shape(1, d));
        outer.initialize(manager, dataType, new Shape(1, config.ffnDim()));
    }
}
