package dev.heed.tasks.translation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import dev.heed.attention.AttentionBlock;
import dev.heed.attention.AttentionConfig;
import dev.heed.attention.AttentionOutput;
import dev.heed.attention.Attentions;
import dev.heed.attention.BlockCalls;
import dev.heed.encoders.EncoderOutput;
import dev.heed.encoders.TokenEmbedding;
import java.util.List;
import java.util.Optional;

/**
 * A GRU decoder with input feeding (Luong et al. 2015, <a href="https://arxiv.org/abs/1508.04025">
 * arXiv:1508.04025</a>, section 3.3), attending to the source with the variant named in its config:
 * {@code s_t = GRU([E y_{t-1}; h~_{t-1}], s_{t-1})}, {@code c_t = Attn(s_t, source)},
 * {@code h~_t = tanh(W_c [c_t; s_t])}, {@code p(y_t) = softmax(W_o h~_t)}. The first state is
 * {@code tanh(W_s f)} of the encoder's final state {@code f} (its pooled state when it has no final one).
 * Cross-attention {@code (B, 1, T, S)}: one layer, one head.
 */
public final class GruDecoder extends TranslationDecoder {

    private final DecoderConfig config;
    private final int sourceDim;
    private final int sourceSummaryDim;
    private final TokenEmbedding embedding;
    private final GruCell cell;
    private final Linear bridge;
    private final AttentionBlock attention;
    private final Linear combine;
    private final Optional<Linear> output;

    /**
     * @param sourceDim size of the encoder's per-token states (the attention's keys and values)
     * @param sourceSummaryDim size of its final (or pooled) state
     */
    public GruDecoder(DecoderConfig config, int sourceDim, int sourceSummaryDim) {
        if (!config.type().equals("gru")) {
            throw new IllegalArgumentException("GruDecoder needs type gru, got " + config.type());
        }
        this.config = config;
        this.sourceDim = sourceDim;
        this.sourceSummaryDim = sourceSummaryDim;
        embedding = addChildBlock("embedding", new TokenEmbedding(config.vocabSize(), config.embeddingDim()));
        cell = addChildBlock("cell", new GruCell(config.embeddingDim() + config.dim(), config.dim()));
        bridge = addChildBlock("bridge", Linear.builder().setUnits(config.dim()).build());
        attention = addChildBlock("attention", Attentions.create(config.attention(), new AttentionConfig(config.dim(),
                sourceDim, sourceDim, config.attentionDim(), 1, config.window())));
        combine = addChildBlock("combine", Linear.builder().setUnits(config.dim()).optBias(false).build());
        output = config.tiedEmbeddings() ? Optional.empty()
                : Optional.of(addChildBlock("output", Linear.builder().setUnits(config.vocabSize()).build()));
    }

    @Override
    public DecoderConfig config() {
        return config;
    }

    @Override
    public int attentionLayers() {
        return 1;
    }

    @Override
    public int attentionHeads() {
        return attention.heads();
    }

    /** The GRU's state and the attentional vector fed to the next step, each {@code (N, D)}. */
    record GruState(NDArray hidden, NDArray feed) implements DecoderState {
        @Override
        public DecoderState select(long[] rows) {
            return new GruState(Rows.pick(hidden, rows), Rows.pick(feed, rows));
        }
    }

    @Override
    public DecoderMemory remember(ParameterStore ps, EncoderOutput source, NDArray mask, boolean training) {
        NDArray states = source.states().orElseThrow(() -> new IllegalArgumentException(
                "the decoder needs an encoder with per-token states"));
        NDArray summary = source.finalState().or(source::pooled).orElseThrow();
        NDArray initial = BlockCalls.apply(bridge, ps, summary, training).tanh();
        return new DecoderMemory(List.of(attention.prepare(ps, states, states, mask, training)), mask,
                Optional.of(initial));
    }

    @Override
    public DecoderState start(ParameterStore ps, DecoderMemory memory) {
        NDArray initial = memory.initial().orElseThrow();
        return new GruState(initial, initial.zerosLike());
    }

    @Override
    public ForcedOutput forced(ParameterStore ps, DecoderMemory memory, NDArray targetIn, boolean training,
            boolean capture) {
        NDArray embedded = dropout(embedding.lookup(ps, targetIn, training), training);     // (B, T, E)
        int length = (int) targetIn.getShape().get(1);
        GruState state = (GruState) start(ps, memory);
        NDList feeds = new NDList(length);
        NDList weights = new NDList(length);
        for (int t = 0; t < length; t++) {
            Advanced next = advance(ps, memory, state, embedded.get(new NDIndex(":, {}, :", t)), training, capture);
            state = next.state();
            feeds.add(state.feed());
            next.weights().ifPresent(weights::add);
        }
        NDArray logits = logits(ps, NDArrays.stack(feeds, 1), training);                    // (B, T, V)
        List<NDArray> attention = capture ? List.of(NDArrays.concat(weights, 2)) : List.of(); // (B, 1, T, S)
        return new ForcedOutput(logits, attention);
    }

    @Override
    public StepOutput step(ParameterStore ps, DecoderMemory memory, DecoderState state, NDArray tokens,
            boolean capture) {
        NDArray embedded = embedding.lookup(ps, tokens, false);                              // (N, E)
        Advanced next = advance(ps, memory, (GruState) state, embedded, false, capture);
        NDArray logProbs = logits(ps, next.state().feed(), false).logSoftmax(-1);
        List<NDArray> attention = next.weights().map(w -> List.of(w.squeeze(2))).orElse(List.of()); // (N, 1, S)
        return new StepOutput(logProbs, next.state(), attention);
    }

    private record Advanced(GruState state, Optional<NDArray> weights) {
    }

    private Advanced advance(ParameterStore ps, DecoderMemory memory, GruState state, NDArray embedded,
            boolean training, boolean capture) {
        NDArray hidden = cell.step(ps, embedded.concat(state.feed(), 1), state.hidden(), training);     // (N, D)
        AttentionOutput attended = attention.attend(ps, hidden.expandDims(1), memory.keys().get(0), training,
                capture);
        NDArray context = attended.context().squeeze(1);                                             // (N, Dv)
        NDArray feed = BlockCalls.apply(combine, ps, context.concat(hidden, 1), training).tanh();
        return new Advanced(new GruState(hidden, dropout(feed, training)), attended.weights());
    }

    private NDArray logits(ParameterStore ps, NDArray x, boolean training) {
        if (output.isPresent()) {
            return BlockCalls.apply(output.get(), ps, x, training);
        }
        return TiedOutput.logits(x, ps.getValue(embedding.weight(), x.getDevice(), training));
    }

    private NDArray dropout(NDArray x, boolean training) {
        return BlockCalls.dropout(x, config.dropout(), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, new Shape(1, 1));
        cell.initialize(manager, dataType, new Shape(1, config.embeddingDim() + config.dim()), new Shape(1, config.dim()));
        bridge.initialize(manager, dataType, new Shape(1, sourceSummaryDim));
        attention.initialize(manager, dataType, new Shape(1, 1, config.dim()), new Shape(1, 1, sourceDim),
                new Shape(1, 1, sourceDim), new Shape(1, 1));
        combine.initialize(manager, dataType, new Shape(1, sourceDim + config.dim()));
        output.ifPresent(o -> o.initialize(manager, dataType, new Shape(1, config.dim())));
    }
}
