package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import dev.heed.attention.AttentionBlock;
import dev.heed.attention.AttentionConfig;
import dev.heed.attention.AttentionOutput;
import dev.heed.attention.Attentions;
import dev.heed.attention.BlockCalls;
import dev.heed.attention.PreparedKeys;
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
 *
 * <p>With {@link DecoderConfig#copy()} it is a pointer-generator (See et al. 2017,
 * <a href="https://arxiv.org/abs/1704.04368">arXiv:1704.04368</a>): {@code p_gen = sigmoid(w [c_t; s_t; x_t] + b)}
 * from the context, the GRU state and the step's input embedding, and the next token's distribution is
 * {@code p_gen P_vocab + (1 - p_gen)} times the attention summed per source token id ({@link CopyTargets}). With
 * {@link DecoderConfig#coverage()} the coverage vector {@code c_t = sum_{t' < t} a_t'} enters the additive
 * attention's tanh layer through the prepared keys, {@code W_k k_i + w_cov c_ti}, and every position reports its
 * coverage loss {@code sum_i min(a_ti, c_ti)}.
 */
public final class GruDecoder extends SequenceDecoder {

    private final DecoderConfig config;
    private final int sourceDim;
    private final int sourceSummaryDim;
    private final TokenEmbedding embedding;
    private final GruCell cell;
    private final Linear bridge;
    private final AttentionBlock attention;
    private final Linear combine;
    private final Optional<Linear> output;
    private final Optional<Linear> generate;
    private final Optional<Parameter> coverageWeight;

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
        generate = config.copy()
                ? Optional.of(addChildBlock("generate", Linear.builder().setUnits(1).build())) : Optional.empty();
        coverageWeight = config.coverage() ? Optional.of(addParameter(Parameter.builder().setName("coverage")
                .setType(Parameter.Type.WEIGHT).optShape(new Shape(1, config.attentionDim())).build()))
                : Optional.empty();
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

    /**
     * The GRU's state and the attentional vector fed to the next step, each {@code (N, D)}, and with coverage the
     * attention summed over the steps so far {@code (N, S)}.
     */
    record GruState(NDArray hidden, NDArray feed, Optional<NDArray> coverage) implements DecoderState {
        @Override
        public DecoderState select(long[] rows) {
            return new GruState(Rows.pick(hidden, rows), Rows.pick(feed, rows),
                    coverage.map(c -> Rows.pick(c, rows)));
        }
    }

    @Override
    public DecoderMemory remember(ParameterStore ps, EncoderOutput source, NDArray ids, NDArray mask,
            boolean training) {
        NDArray states = source.states().orElseThrow(() -> new IllegalArgumentException(
                "the decoder needs an encoder with per-token states"));
        NDArray summary = source.finalState().or(source::pooled).orElseThrow();
        NDArray initial = BlockCalls.apply(bridge, ps, summary, training).tanh();
        return new DecoderMemory(List.of(attention.prepare(ps, states, states, mask, training)), mask,
                Optional.of(initial), config.copy() ? Optional.of(CopyTargets.of(ids, mask)) : Optional.empty());
    }

    @Override
    public DecoderState start(ParameterStore ps, DecoderMemory memory) {
        NDArray initial = memory.initial().orElseThrow();
        return new GruState(initial, initial.zerosLike(),
                config.coverage() ? Optional.of(memory.mask().zerosLike()) : Optional.empty());
    }

    @Override
    public ForcedOutput forced(ParameterStore ps, DecoderMemory memory, NDArray targetIn, boolean training,
            boolean capture) {
        NDArray embedded = dropout(embedding.lookup(ps, targetIn, training), training);     // (B, T, E)
        int length = (int) targetIn.getShape().get(1);
        GruState state = (GruState) start(ps, memory);
        NDList feeds = new NDList(length);
        NDList weights = new NDList(length);
        NDList generated = new NDList(length);
        NDList coverageLosses = new NDList(length);
        for (int t = 0; t < length; t++) {
            Advanced next = advance(ps, memory, state, embedded.get(new NDIndex(":, {}, :", t)), training, capture);
            state = next.state();
            feeds.add(state.feed());
            next.weights().ifPresent(weights::add);
            next.pGen().ifPresent(generated::add);
            next.coverageLoss().ifPresent(coverageLosses::add);
        }
        NDArray logits = logits(ps, NDArrays.stack(feeds, 1), training);                    // (B, T, V)
        Optional<NDArray> attention = weights.isEmpty() ? Optional.empty()
                : Optional.of(NDArrays.concat(weights, 2));                                    // (B, 1, T, S)
        if (config.copy()) {
            NDArray pGen = NDArrays.stack(generated, 1);                                       // (B, T, 1)
            logits = finalLogProbs(memory, logits, attention.orElseThrow().squeeze(1), pGen);
        }
        return new ForcedOutput(logits, capture ? List.of(attention.orElseThrow()) : List.of(),
                coverageLosses.isEmpty() ? Optional.empty() : Optional.of(NDArrays.stack(coverageLosses, 1)));
    }

    @Override
    public StepOutput step(ParameterStore ps, DecoderMemory memory, DecoderState state, NDArray tokens,
            boolean capture) {
        NDArray embedded = embedding.lookup(ps, tokens, false);                              // (N, E)
        Advanced next = advance(ps, memory, (GruState) state, embedded, false, capture);
        NDArray scores = logits(ps, next.state().feed(), false);                             // (N, V)
        Optional<NDArray> copyShare = Optional.empty();
        NDArray logProbs;
        if (config.copy()) {
            NDArray pGen = next.pGen().orElseThrow();                                        // (N, 1)
            NDArray attended = next.weights().orElseThrow().squeeze(1);                      // (N, 1, S)
            logProbs = finalLogProbs(memory, scores.expandDims(1), attended, pGen.expandDims(1)).squeeze(1);
            copyShare = Optional.of(pGen.squeeze(1).neg().add(1f));
        } else {
            logProbs = scores.logSoftmax(-1);
        }
        List<NDArray> attention = capture ? next.weights().map(w -> List.of(w.squeeze(2))).orElse(List.of())
                : List.of();                                                                  // (N, 1, S)
        return new StepOutput(logProbs, next.state(), attention, copyShare);
    }

    /** The pointer-generator's log-probabilities (see {@link CopyTargets#logProbs}). */
    private static NDArray finalLogProbs(DecoderMemory memory, NDArray scores, NDArray attention, NDArray pGen) {
        return memory.copy().orElseThrow(() -> new IllegalStateException(
                "the memory was not made by a copying decoder")).logProbs(scores, attention, pGen);
    }

    private record Advanced(GruState state, Optional<NDArray> weights, Optional<NDArray> pGen,
            Optional<NDArray> coverageLoss) {
    }

    private Advanced advance(ParameterStore ps, DecoderMemory memory, GruState state, NDArray embedded,
            boolean training, boolean capture) {
        NDArray hidden = cell.step(ps, embedded.concat(state.feed(), 1), state.hidden(), training);     // (N, D)
        PreparedKeys keys = memory.keys().get(0);
        if (state.coverage().isPresent()) {   // W_k k_i + w_cov c_i inside the additive attention's tanh
            NDArray w = ps.getValue(coverageWeight.orElseThrow(), hidden.getDevice(), training);      // (1, A)
            keys = new PreparedKeys(keys.keys().add(state.coverage().get().expandDims(-1).mul(w)), keys.values(),
                    keys.mask());
        }
        boolean weightsNeeded = capture || config.copy() || config.coverage();
        AttentionOutput attended = attention.attend(ps, hidden.expandDims(1), keys, training, weightsNeeded);
        NDArray context = attended.context().squeeze(1);                                             // (N, Dv)
        NDArray feed = BlockCalls.apply(combine, ps, context.concat(hidden, 1), training).tanh();
        Optional<NDArray> coverage = Optional.empty();
        Optional<NDArray> coverageLoss = Optional.empty();
        if (state.coverage().isPresent()) {
            NDArray a = attended.weights().orElseThrow().squeeze(new int[] {1, 2});                 // (N, S)
            NDArray before = state.coverage().get();
            coverageLoss = Optional.of(a.minimum(before).sum(new int[] {1}));                       // (N)
            coverage = Optional.of(before.add(a));
        }
        Optional<NDArray> pGen = generate.map(g -> Activation.sigmoid(
                BlockCalls.apply(g, ps, context.concat(hidden, 1).concat(embedded, 1), training)));  // (N, 1)
        return new Advanced(new GruState(hidden, dropout(feed, training), coverage), attended.weights(), pGen,
                coverageLoss);
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
        generate.ifPresent(g -> g.initialize(manager, dataType, new Shape(1, sourceDim + config.dim()
                + config.embeddingDim())));
    }
}
