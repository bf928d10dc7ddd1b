package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import dev.heed.attention.AttentionOutput;
import dev.heed.attention.BlockCalls;
import dev.heed.attention.Masks;
import dev.heed.attention.PreparedKeys;
import dev.heed.encoders.EncoderOutput;
import dev.heed.encoders.TokenEmbedding;
import dev.heed.encoders.transformer.TransformerEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A pre-LN Transformer decoder (Vaswani et al. 2017, <a href="https://arxiv.org/abs/1706.03762">arXiv:1706.03762</a>):
 * target embeddings scaled by {@code sqrt(D)} plus sinusoidal positions, {@code layers} layers of masked
 * self-attention, cross-attention and feed-forward, a final LayerNorm and the output layer (tied to the target
 * embeddings when configured). Cross-attention {@code (B, H, T, S)} per layer.
 *
 * <p>Steps cache each layer's self-attention keys and values, so a step costs one position (plus attending to
 * the prefix), and gives the forced pass's numbers at that position ({@code DecoderContractTest}).
 */
public final class TransformerDecoder extends SequenceDecoder {

    private final DecoderConfig config;
    private final TokenEmbedding embedding;
    private final List<TransformerDecoderLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm;
    private final Optional<Linear> output;

    /** @param sourceDim size of the encoder's per-token states */
    public TransformerDecoder(DecoderConfig config, int sourceDim) {
        if (!config.type().equals("transformer")) {
            throw new IllegalArgumentException("TransformerDecoder needs type transformer, got " + config.type());
        }
        this.config = config;
        embedding = addChildBlock("embedding", new TokenEmbedding(config.vocabSize(), config.dim()));
        for (int i = 0; i < config.layers(); i++) {
            layers.add(addChildBlock("layer" + i, new TransformerDecoderLayer(config, sourceDim)));
        }
        finalNorm = addChildBlock("finalNorm", LayerNorm.builder().axis(2).build());
        output = config.tiedEmbeddings() ? Optional.empty()
                : Optional.of(addChildBlock("output", Linear.builder().setUnits(config.vocabSize()).build()));
    }

    @Override
    public DecoderConfig config() {
        return config;
    }

    @Override
    public int attentionLayers() {
        return layers.size();
    }

    @Override
    public int attentionHeads() {
        return layers.get(0).crossHeads();
    }

    /**
     * Per layer, the self-attention keys and values of the positions read so far (projected, split into heads:
     * {@code (N, H, t, d)}), and how many positions that is; empty before the first step.
     */
    record CacheState(List<PreparedKeys> layers, int position) implements DecoderState {
        @Override
        public DecoderState select(long[] rows) {
            List<PreparedKeys> picked = new ArrayList<>(layers.size());
            for (PreparedKeys k : layers) {
                picked.add(new PreparedKeys(Rows.pick(k.keys(), rows), Rows.pick(k.values(), rows),
                        Rows.pick(k.mask(), rows)));
            }
            return new CacheState(picked, position);
        }
    }

    @Override
    public DecoderMemory remember(ParameterStore ps, EncoderOutput source, NDArray ids, NDArray mask,
            boolean training) {
        NDArray states = source.states().orElseThrow(() -> new IllegalArgumentException(
                "the decoder needs an encoder with per-token states"));
        List<PreparedKeys> keys = new ArrayList<>(layers.size());
        for (TransformerDecoderLayer layer : layers) {
            keys.add(layer.cross().prepare(ps, states, states, mask, training));
        }
        return new DecoderMemory(keys, mask, Optional.empty(), Optional.empty());
    }

    @Override
    public ForcedOutput forced(ParameterStore ps, DecoderMemory memory, NDArray targetIn, boolean training,
            boolean capture) {
        Hidden hidden = states(ps, memory, targetIn, training, capture);
        return new ForcedOutput(logits(ps, hidden.states(), training), hidden.attention());
    }

    /** The final states {@code (B, T, D)} and, when captured, each layer's cross-attention {@code (B, H, T, S)}. */
    private record Hidden(NDArray states, List<NDArray> attention) {
    }

    private Hidden states(ParameterStore ps, DecoderMemory memory, NDArray targetIn, boolean training,
            boolean capture) {
        int length = (int) targetIn.getShape().get(1);
        if (length > config.maxLength()) {
            throw new IllegalArgumentException("target of " + length + " tokens is longer than the decoder's maxLength "
                    + config.maxLength());
        }
        NDManager m = targetIn.getManager();
        NDArray x = embedding.lookup(ps, targetIn, training).mul((float) Math.sqrt(config.dim()))
                .add(TransformerEncoder.sinusoids(m, length, config.dim()));
        x = BlockCalls.dropout(x, config.dropout(), training);
        NDArray causal = Masks.causal(m, length);
        List<NDArray> attention = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            AttentionOutput out = layers.get(i).forward(ps, x, causal, memory.keys().get(i), training, capture);
            x = out.context();
            out.weights().ifPresent(attention::add);
        }
        return new Hidden(BlockCalls.apply(finalNorm, ps, x, training), attention);
    }

    @Override
    public DecoderState start(ParameterStore ps, DecoderMemory memory) {
        return new CacheState(List.of(), 0);
    }

    @Override
    public StepOutput step(ParameterStore ps, DecoderMemory memory, DecoderState state, NDArray tokens,
            boolean capture) {
        CacheState cache = (CacheState) state;
        int position = cache.position();
        if (position >= config.maxLength()) {
            throw new IllegalArgumentException("target longer than the decoder's maxLength " + config.maxLength());
        }
        NDManager m = tokens.getManager();
        NDArray x = embedding.lookup(ps, tokens.reshape(-1, 1), false).mul((float) Math.sqrt(config.dim()))
                .add(TransformerEncoder.sinusoids(m, position, position + 1, config.dim()));   // this position only
        List<PreparedKeys> caches = new ArrayList<>(layers.size());
        List<NDArray> attention = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Optional<PreparedKeys> before = cache.layers().isEmpty() ? Optional.empty() : Optional.of(cache.layers().get(i));
            TransformerDecoderLayer.Step out = layers.get(i).step(ps, x, before, memory.keys().get(i), capture);
            x = out.output();
            caches.add(out.cache());
            out.weights().ifPresent(w -> attention.add(w.squeeze(2)));                       // (N, H, S)
        }
        NDArray last = BlockCalls.apply(finalNorm, ps, x, false).squeeze(1);                 // (N, D)
        return new StepOutput(logits(ps, last, false).logSoftmax(-1), new CacheState(caches, position + 1), attention);
    }

    private NDArray logits(ParameterStore ps, NDArray x, boolean training) {
        if (output.isPresent()) {
            return BlockCalls.linear(output.get(), ps, x, training);
        }
        return TiedOutput.logits(x, ps.getValue(embedding.weight(), x.getDevice(), training));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, new Shape(1, 1));
        for (TransformerDecoderLayer layer : layers) {
            layer.initialize(manager, dataType, new Shape(1, 1, config.dim()));
        }
        finalNorm.initialize(manager, dataType, new Shape(1, 1, config.dim()));
        output.ifPresent(o -> o.initialize(manager, dataType, new Shape(1, config.dim())));
    }
}
