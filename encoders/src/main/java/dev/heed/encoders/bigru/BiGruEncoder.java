package dev.heed.encoders.bigru;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import dev.heed.encoders.AttentionMap;
import dev.heed.encoders.AttentionPooling;
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
 * The bidirectional GRU encoder of RNNsearch (Bahdanau et al. 2015, <a href="https://arxiv.org/abs/1409.0473">
 * arXiv:1409.0473</a>), with optional attention pooling for classification.
 *
 * <p>DJL's bidirectional GRU with biases fails on the PyTorch engine, so each layer is two one-way GRUs: one
 * over the sequence, one over each sequence reversed within its own length (padding stays at the end), whose
 * states are put back in order. Padding therefore never reaches a real token's state.
 *
 * <p>Shapes: states {@code (B, S, 2H)}; final state {@code (B, 2H)} (forward state after the last real token,
 * backward state after the first) to start a decoder; pooled {@code (B, 2H)}; pooling attention
 * {@code (B, 1, 1, S)} when captured.
 */
public final class BiGruEncoder extends EncoderBlock {

    public static final String NAME = "bigru";

    private final BiGruConfig config;
    private final TokenEmbedding embedding;
    private final List<GRU> forward = new ArrayList<>();
    private final List<GRU> backward = new ArrayList<>();
    private final Optional<AttentionPooling> pooling;
    private final EncoderSpec spec;

    public BiGruEncoder(BiGruConfig config) {
        this.config = config;
        embedding = addChildBlock("embedding", new TokenEmbedding(config.vocabSize(), config.embeddingDim()));
        for (int i = 0; i < config.layers(); i++) {
            forward.add(addChildBlock("forward" + i, gru()));
            backward.add(addChildBlock("backward" + i, gru()));
        }
        int states = 2 * config.hiddenSize();
        pooling = config.attentionPooling()
                ? Optional.of(addChildBlock("pooling", new AttentionPooling(states, config.attentionDim())))
                : Optional.empty();
        EnumSet<Capability> caps = EnumSet.of(Capability.SEQUENCE_STATES, Capability.POOLED_STATE,
                Capability.FINAL_STATE);
        if (config.attentionPooling()) {
            caps.add(Capability.POOLING_ATTENTION_WEIGHTS);
        }
        spec = new EncoderSpec(NAME, states, states, caps);
    }

    private GRU gru() {
        return GRU.builder().setStateSize(config.hiddenSize()).setNumLayers(1).optBatchFirst(true)
                .optReturnState(false).build();
    }

    @Override
    public java.util.Optional<ai.djl.nn.Parameter> tokenEmbedding() {
        return java.util.Optional.of(embedding.weight());
    }

    @Override
    public EncoderSpec spec() {
        return spec;
    }

    @Override
    public BiGruConfig config() {
        return config;
    }

    @Override
    public EncoderOutput encode(ParameterStore ps, NDArray ids, NDArray mask, boolean training, boolean capture) {
        NDManager m = ids.getManager();
        long[] lengths = mask.sum(new int[] {1}).toType(DataType.INT64, false).toLongArray();
        int batch = lengths.length;
        int length = (int) ids.getShape().get(1);
        NDArray reverse = reversal(m, lengths, length);                                    // (B, S, S)
        NDArray x = embedding.lookup(ps, ids, training);
        x = dropout(x, training);
        NDArray fwd = null;
        NDArray bwd = null;
        for (int i = 0; i < config.layers(); i++) {
            if (i > 0) {
                x = dropout(x, training);
            }
            fwd = run(forward.get(i), ps, x, training);                                    // (B, S, H)
            bwd = reverse.matMul(run(backward.get(i), ps, reverse.matMul(x), training));   // (B, S, H)
            x = fwd.concat(bwd, 2);                                                        // (B, S, 2H)
        }
        NDArray states = x.mul(mask.toType(DataType.FLOAT32, false).expandDims(-1));
        NDArray last = EngineArrays.of(m, toLast(lengths), new Shape(batch, 1, 1)).repeat(2, config.hiddenSize());
        NDArray finalState = fwd.gather(last, 1).squeeze(1).concat(bwd.get(":, 0, :"), 1);  // (B, 2H)
        List<AttentionMap> maps = new ArrayList<>();
        NDArray pooled;
        if (pooling.isPresent()) {
            AttentionPooling.Pooled p = pooling.get().pool(ps, states, mask, training);
            pooled = p.vector();
            if (capture) {
                maps.add(new AttentionMap(AttentionMap.POOLING, 0, p.weights()));
            }
        } else {
            pooled = MaskedPooling.max(states, mask);
        }
        return new EncoderOutput(Optional.of(states), Optional.of(dropout(pooled, training)), Optional.of(finalState),
                maps);
    }

    private static long[] toLast(long[] lengths) {
        long[] last = new long[lengths.length];
        for (int b = 0; b < lengths.length; b++) {
            last[b] = Math.max(0, lengths[b] - 1);
        }
        return last;
    }

    /** Per item, the permutation {@code (S, S)} that reverses its first {@code length} positions. */
    private static NDArray reversal(NDManager m, long[] lengths, int length) {
        float[] p = new float[lengths.length * length * length];
        for (int b = 0; b < lengths.length; b++) {
            int len = (int) lengths[b];
            for (int t = 0; t < length; t++) {
                int source = t < len ? len - 1 - t : t;
                p[(b * length + t) * length + source] = 1f;
            }
        }
        return EngineArrays.of(m, p, new Shape(lengths.length, length, length));
    }

    private static NDArray run(GRU gru, ParameterStore ps, NDArray x, boolean training) {
        return gru.forward(ps, new NDList(x), training).get(0);
    }

    private NDArray dropout(NDArray x, boolean training) {
        return training && config.dropout() > 0 ? Dropout.dropout(x, config.dropout(), true).singletonOrThrow() : x;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, new Shape(1, 1));
        for (int i = 0; i < config.layers(); i++) {
            int in = i == 0 ? config.embeddingDim() : 2 * config.hiddenSize();
            forward.get(i).initialize(manager, dataType, new Shape(1, 1, in));
            backward.get(i).initialize(manager, dataType, new Shape(1, 1, in));
        }
        pooling.ifPresent(p -> p.initialize(manager, dataType, new Shape(1, 1, spec.stateSize()), new Shape(1, 1)));
    }
}
