package dev.heed.tasks.translation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
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
 * <p>A step runs the whole prefix again (no key/value cache): simple and exactly the forced pass's numbers, at
 * a cost quadratic in the target length, which for sentences stays small beside the output layer.
 */
public final class TransformerDecoder extends TranslationDecoder {

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

    /** The target prefix read so far {@code (N, t)}, empty before the first step. */
    record PrefixState(Optional<NDArray> prefix) implements DecoderState {
        @Override
        public DecoderState select(NDArray rows) {
            return new PrefixState(prefix.map(p -> p.get(new NDIndex("{}", rows))));
        }
    }

    @Override
    public DecoderMemory remember(ParameterStore ps, EncoderOutput source, NDArray mask, boolean training) {
        NDArray states = source.states().orElseThrow(() -> new IllegalArgumentException(
                "the decoder needs an encoder with per-token states"));
        List<PreparedKeys> keys = new ArrayList<>(layers.size());
        for (TransformerDecoderLayer layer : layers) {
            keys.add(layer.cross().prepare(ps, states, states, mask, training));
        }
        return new DecoderMemory(keys, mask, Optional.empty());
    }

    @Override
    public ForcedOutput forced(ParameterStore ps, DecoderMemory memory, NDArray targetIn, boolean training,
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
        x = BlockCalls.apply(finalNorm, ps, x, training);
        return new ForcedOutput(logits(ps, x, training), attention);
    }

    @Override
    public DecoderState start(ParameterStore ps, DecoderMemory memory) {
        return new PrefixState(Optional.empty());
    }

    @Override
    public StepOutput step(ParameterStore ps, DecoderMemory memory, DecoderState state, NDArray tokens,
            boolean capture) {
        NDArray column = tokens.reshape(-1, 1);
        NDArray prefix = ((PrefixState) state).prefix().map(p -> p.concat(column, 1)).orElse(column);
        ForcedOutput out = forced(ps, memory, prefix, false, capture);
        long last = prefix.getShape().get(1) - 1;
        NDArray logProbs = out.logits().get(new NDIndex(":, {}, :", last)).logSoftmax(-1);
        List<NDArray> attention = new ArrayList<>();
        for (NDArray w : out.attention()) {
            attention.add(w.get(new NDIndex(":, :, {}, :", last)));                          // (N, H, S)
        }
        return new StepOutput(logProbs, new PrefixState(Optional.of(prefix)), attention);
    }

    private NDArray logits(ParameterStore ps, NDArray x, boolean training) {
        if (output.isPresent()) {
            return BlockCalls.apply(output.get(), ps, x, training);
        }
        return x.matMul(ps.getValue(embedding.weight(), x.getDevice(), training).transpose());
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
