package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
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
 *
 * <p>With {@link DecoderConfig#copy()} it copies as a pointer-generator (See et al. 2017) whose copy distribution
 * is the <em>last</em> layer's cross-attention averaged over its heads: the last layer's attention is the one the
 * output reads (earlier layers' feed later layers, not the prediction), and the mean of its heads is a
 * distribution over the source that every head shapes, where a single chosen head (Gehrmann et al. 2018 take
 * one) would leave the others free to attend anywhere. {@code p_gen = sigmoid(w [h_t; x_t] + b)} from the final
 * state {@code h_t} (which already carries every layer's cross-attention context through the residual stream)
 * and the step's input {@code x_t} (embedding and position).
 */
public final class TransformerDecoder extends SequenceDecoder {

    private final DecoderConfig config;
    private final TokenEmbedding embedding;
    private final List<TransformerDecoderLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm;
    private final Optional<Linear> output;
    private final Optional<Linear> generate;

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
        generate = config.copy()
                ? Optional.of(addChildBlock("generate", Linear.builder().setUnits(1).build())) : Optional.empty();
    }

    /** The target embedding table {@code (V, D)} (the output layer's too when tied). */
    public ai.djl.nn.Parameter embeddingWeight() {
        return embedding.weight();
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
                picked.add(Rows.pick(k, rows));
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
        return new DecoderMemory(keys, mask, Optional.empty(),
                config.copy() ? Optional.of(CopyTargets.of(ids, mask)) : Optional.empty());
    }

    @Override
    public ForcedOutput forced(ParameterStore ps, DecoderMemory memory, NDArray targetIn, boolean training,
            boolean capture) {
        Hidden hidden = states(ps, memory, targetIn, training, capture || config.copy());
        NDArray logits = logits(ps, hidden.states(), training);
        if (config.copy()) {
            NDArray copyAttention = hidden.attention().get(layers.size() - 1).mean(new int[] {1});   // (B, T, S)
            logits = copy(memory).logProbs(logits, copyAttention, pGen(ps, hidden, training));
        }
        return new ForcedOutput(logits, capture ? hidden.attention() : List.of());
    }

    /**
     * The final states {@code (B, T, D)}, each position's input {@code (B, T, D)} and, when captured, each layer's
     * cross-attention {@code (B, H, T, S)}.
     */
    private record Hidden(NDArray states, NDArray inputs, List<NDArray> attention) {
    }

    private NDArray pGen(ParameterStore ps, Hidden hidden, boolean training) {
        NDArray features = hidden.states().concat(hidden.inputs(), -1);                      // (B, T, 2D)
        return Activation.sigmoid(BlockCalls.linear(generate.orElseThrow(), ps, features, training));  // (B, T, 1)
    }

    private static CopyTargets copy(DecoderMemory memory) {
        return memory.copy().orElseThrow(() -> new IllegalStateException(
                "the memory was not made by a copying decoder"));
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
        NDArray inputs = x;
        x = BlockCalls.dropout(x, config.dropout(), training);
        NDArray causal = Masks.causal(m, length);
        List<NDArray> attention = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            AttentionOutput out = layers.get(i).forward(ps, x, causal, memory.keys().get(i), training, capture);
            x = out.context();
            out.weights().ifPresent(attention::add);
        }
        return new Hidden(BlockCalls.apply(finalNorm, ps, x, training), inputs, attention);
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
        NDArray input = x;
        List<PreparedKeys> caches = new ArrayList<>(layers.size());
        List<NDArray> attention = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Optional<PreparedKeys> before = cache.layers().isEmpty() ? Optional.empty() : Optional.of(cache.layers().get(i));
            TransformerDecoderLayer.Step out = layers.get(i).step(ps, x, before, memory.keys().get(i),
                    capture || config.copy());
            x = out.output();
            caches.add(out.cache());
            out.weights().ifPresent(w -> attention.add(w.squeeze(2)));                       // (N, H, S)
        }
        NDArray normed = BlockCalls.apply(finalNorm, ps, x, false);                          // (N, 1, D)
        NDArray last = normed.squeeze(1);                                                    // (N, D)
        CacheState next = new CacheState(caches, position + 1);
        if (!config.copy()) {
            return new StepOutput(logits(ps, last, false).logSoftmax(-1), next, attention);
        }
        NDArray copyAttention = attention.get(layers.size() - 1).mean(new int[] {1}).expandDims(1);  // (N, 1, S)
        NDArray pGen = pGen(ps, new Hidden(normed, input, List.of()), false);               // (N, 1, 1)
        NDArray logProbs = copy(memory).logProbs(logits(ps, normed, false), copyAttention, pGen).squeeze(1);
        return new StepOutput(logProbs, next, capture ? attention : List.of(),
                Optional.of(pGen.squeeze(new int[] {1, 2}).neg().add(1f)));
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
        generate.ifPresent(g -> g.initialize(manager, dataType, new Shape(1, 1, 2 * config.dim())));
    }
}
