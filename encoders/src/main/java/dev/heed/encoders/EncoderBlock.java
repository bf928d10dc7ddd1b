package dev.heed.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The contract every encoder keeps: token ids {@code (B, S)} (int64) and a mask {@code (B, S)} (1 = token,
 * 0 = padding) in; states, a pooled vector, a final state and attention maps out, as its {@link #spec()}
 * declares. Padding never changes the outputs for real tokens; in eval mode the output is deterministic
 * ({@code EncoderContractTest} checks every encoder). A DJL block: parameters, initialization, training.
 */
public abstract class EncoderBlock extends AbstractBlock {

    /** What this encoder produces. */
    public abstract EncoderSpec spec();

    /** The config this encoder was built with (a record; see {@link EncoderConfigs}). */
    public abstract Record config();

    /**
     * Encodes a batch.
     *
     * @param capture whether to return the attention maps; off, none is materialized beyond what the
     *     computation itself needs
     */
    public abstract EncoderOutput encode(ParameterStore ps, NDArray ids, NDArray mask, boolean training,
            boolean capture);

    /**
     * Every parameter under the name it has in weight files, stable across releases. The default is DJL's
     * parameter path ({@code 01embedding_weight}); encoders that load foreign weights use those names.
     */
    public java.util.Map<String, ai.djl.nn.Parameter> namedParameters() {
        java.util.Map<String, ai.djl.nn.Parameter> map = new java.util.LinkedHashMap<>();
        for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : getParameters()) {
            map.put(p.getKey(), p.getValue());
        }
        return map;
    }

    /**
     * The token embedding table {@code (vocabulary, E)}, for initializing it from pretrained vectors; empty for
     * encoders without one.
     */
    public java.util.Optional<ai.djl.nn.Parameter> tokenEmbedding() {
        return java.util.Optional.empty();
    }

    /** The longest input, in tokens, this encoder takes. */
    public int maxLength() {
        return Integer.MAX_VALUE;
    }

    /** The shape of the input ids for {@link #initialize}: {@code (1, length)}. */
    public static Shape[] inputShapes(int length) {
        return new Shape[] {new Shape(1, length), new Shape(1, length)};
    }

    /** DJL protocol: inputs {@code [ids, mask]}, output {@code [states or pooled]}. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        EncoderOutput out = encode(ps, inputs.get(0), inputs.get(1), training, false);
        return new NDList(out.states().or(out::pooled).orElseThrow());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        EncoderSpec spec = spec();
        return spec.has(Capability.SEQUENCE_STATES)
                ? new Shape[] {new Shape(ids.get(0), ids.get(1), spec.stateSize())}
                : new Shape[] {new Shape(ids.get(0), spec.pooledSize())};
    }
}
