package dev.heed.encoders.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import dev.heed.encoders.AttentionMap;
import dev.heed.encoders.Capability;
import dev.heed.encoders.EncoderBlock;
import dev.heed.encoders.EncoderOutput;
import dev.heed.encoders.EncoderSpec;
import dev.heed.encoders.MaskedPooling;
import dev.heed.encoders.TokenEmbedding;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import dev.heed.engine.EngineArrays;

/**
 * A Transformer encoder from scratch (Vaswani et al. 2017, <a href="https://arxiv.org/abs/1706.03762">
 * arXiv:1706.03762</a>): token embeddings scaled by {@code sqrt(D)} plus sinusoidal or learned positions,
 * {@code layers} pre- or post-LN layers whose self-attention is chosen by name ({@code multi-head},
 * {@code sliding-window} for long inputs, {@code linear}). States {@code (B, S, D)}, pooled {@code (B, D)}
 * (masked mean), self-attention maps {@code (B, heads, S, S)} per layer when the variant has them.
 */
public final class TransformerEncoder extends EncoderBlock {

    public static final String NAME = "transformer";

    private final TransformerConfig config;
    private final TokenEmbedding tokens;
    private final Optional<TokenEmbedding> learnedPositions;
    private final List<TransformerLayer> layers = new ArrayList<>();
    private final Optional<LayerNorm> finalNorm;
    private final EncoderSpec spec;

    public TransformerEncoder(TransformerConfig config) {
        this.config = config;
        tokens = addChildBlock("tokens", new TokenEmbedding(config.vocabSize(), config.dim()));
        learnedPositions = config.positions().equals("learned")
                ? Optional.of(addChildBlock("positions", new TokenEmbedding(config.maxLength(), config.dim())))
                : Optional.empty();
        for (int i = 0; i < config.layers(); i++) {
            layers.add(addChildBlock("layer" + i, new TransformerLayer(new LayerSettings(config.dim(), config.heads(),
                    config.ffnDim(), config.norm().equals("pre"), config.attention(), config.window(), 1e-5f,
                    config.dropout()))));
        }
        finalNorm = config.norm().equals("pre")
                ? Optional.of(addChildBlock("finalNorm", LayerNorm.builder().axis(2).build())) : Optional.empty();
        EnumSet<Capability> caps = EnumSet.of(Capability.SEQUENCE_STATES, Capability.POOLED_STATE);
        if (layers.get(0).producesWeights()) {
            caps.add(Capability.SELF_ATTENTION_WEIGHTS);
        }
        spec = new EncoderSpec(NAME, config.dim(), config.dim(), caps);
    }

    @Override
    public java.util.Optional<ai.djl.nn.Parameter> tokenEmbedding() {
        return java.util.Optional.of(tokens.weight());
    }

    @Override
    public EncoderSpec spec() {
        return spec;
    }

    @Override
    public TransformerConfig config() {
        return config;
    }

    @Override
    public int maxLength() {
        return config.maxLength();
    }

    @Override
    public EncoderOutput encode(ParameterStore ps, NDArray ids, NDArray mask, boolean training, boolean capture) {
        int length = (int) ids.getShape().get(1);
        if (length > config.maxLength()) {
            throw new IllegalArgumentException("input of " + length + " tokens is longer than maxLength "
                    + config.maxLength() + "; split it or raise maxLength");
        }
        NDManager m = ids.getManager();
        NDArray x = tokens.lookup(ps, ids, training).mul((float) Math.sqrt(config.dim()));
        if (learnedPositions.isPresent()) {
            x = x.add(learnedPositions.get().lookup(ps, m.arange(0, length, 1, DataType.INT64).expandDims(0), training));
        } else {
            x = x.add(sinusoids(m, length, config.dim()));
        }
        if (training && config.dropout() > 0) {
            x = Dropout.dropout(x, config.dropout(), true).singletonOrThrow();
        }
        List<AttentionMap> maps = new ArrayList<>();
        x = TransformerLayer.runAll(layers, ps, x, mask, training, capture, maps);
        if (finalNorm.isPresent()) {
            x = TransformerLayer.norm(finalNorm.get(), ps, x, training);
        }
        return new EncoderOutput(Optional.of(x), Optional.of(MaskedPooling.mean(x, mask)), Optional.empty(), maps);
    }

    /** Sinusoidal positions {@code (1, S, D)}: sin on even, cos on odd dimensions. */
    public static NDArray sinusoids(NDManager m, int length, int dim) {
        return sinusoids(m, 0, length, dim);
    }

    /**
     * Positions {@code from} (inclusive) to {@code to} (exclusive) of {@link #sinusoids(NDManager, int, int)}:
     * {@code sin(pos / 10000^(2i/D))} at dimension 2i and {@code cos} of the same angle at 2i + 1, computed by
     * the engine in double precision (only the {@code D/2} frequencies come from the heap).
     */
    public static NDArray sinusoids(NDManager m, int from, int to, int dim) {
        double[] frequencies = new double[(dim + 1) / 2];
        for (int i = 0; i < frequencies.length; i++) {
            frequencies[i] = 1 / Math.pow(10_000, 2 * i / (double) dim);
        }
        NDArray angles = m.arange(from, to, 1, DataType.FLOAT64).reshape(to - from, 1)
                .mul(EngineArrays.of(m, frequencies).reshape(1, frequencies.length));            // (S, ceil(D/2))
        NDArray table = NDArrays.stack(new NDList(angles.sin(), angles.cos()), 2)       // (S, ceil(D/2), 2)
                .reshape(to - from, 2 * frequencies.length);
        if (table.getShape().get(1) != dim) {
            table = table.get(":, :" + dim);
        }
        return table.toType(DataType.FLOAT32, false).reshape(1, to - from, dim);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        tokens.initialize(manager, dataType, new Shape(1, 1));
        learnedPositions.ifPresent(p -> p.initialize(manager, dataType, new Shape(1, 1)));
        for (TransformerLayer layer : layers) {
            layer.initialize(manager, dataType, new Shape(1, 1, config.dim()), new Shape(1, 1));
        }
        finalNorm.ifPresent(n -> n.initialize(manager, dataType, new Shape(1, 1, config.dim())));
    }
}
