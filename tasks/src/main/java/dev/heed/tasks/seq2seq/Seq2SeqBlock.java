package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.heed.encoders.Capability;
import dev.heed.encoders.EncoderBlock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An encoder-decoder: any encoder with per-token states feeds a {@link SequenceDecoder}. Source ids
 * {@code (B, S)} end with {@code </s>}; target inputs {@code (B, T)} begin with {@code <s>}. DJL protocol
 * (training): inputs {@code [source, sourceMask, targetIn]}, output {@code [logits (B, T, V)]} and, for a decoder
 * with coverage, {@code coverageLoss (B, T)} (see {@link ForcedOutput}).
 */
public final class Seq2SeqBlock extends AbstractBlock {

    private final EncoderBlock encoder;
    private final SequenceDecoder decoder;
    private boolean encoderFrozen;

    public Seq2SeqBlock(EncoderBlock encoder, SequenceDecoder decoder) {
        encoder.spec().require(Capability.SEQUENCE_STATES, "translation");
        this.encoder = addChildBlock("encoder", encoder);
        this.decoder = addChildBlock("decoder", decoder);
    }

    /** Builds the decoder {@code config} names on top of {@code encoder}. */
    public static Seq2SeqBlock of(EncoderBlock encoder, DecoderConfig config) {
        int states = encoder.spec().stateSize();
        SequenceDecoder decoder = config.type().equals("gru")
                ? new GruDecoder(config, states, encoder.spec().has(Capability.FINAL_STATE) ? states
                        : encoder.spec().pooledSize())
                : new TransformerDecoder(config, states);
        return new Seq2SeqBlock(encoder, decoder);
    }

    public EncoderBlock encoder() {
        return encoder;
    }

    public SequenceDecoder decoder() {
        return decoder;
    }

    /**
     * Keeps the encoder's weights fixed from now on (a pretrained encoder under a decoder trained alone): its
     * parameters take no gradient and it runs as in inference (no dropout). Call after the weights are loaded.
     */
    public void freezeEncoder() {
        for (var p : encoder.getParameters()) {
            p.getValue().freeze(true);
        }
        encoderFrozen = true;
    }

    /** Whether {@link #freezeEncoder()} was called. */
    public boolean encoderFrozen() {
        return encoderFrozen;
    }

    /** Encodes {@code source} and makes it ready for the decoder. */
    public DecoderMemory remember(ParameterStore ps, NDArray source, NDArray mask, boolean training) {
        return decoder.remember(ps, encoder.encode(ps, source, mask, training && !encoderFrozen, false), source, mask,
                training);
    }

    /** Every decoder parameter under a stable name ({@code layer0_self_query_weight}, ...). */
    public Map<String, Parameter> decoderParameters() {
        Map<String, Parameter> map = new LinkedHashMap<>();
        for (var p : decoder.getParameters()) {
            map.put(p.getKey(), p.getValue());
        }
        return map;
    }

    /**
     * DJL protocol, as the class says; a fourth input, when given, is the encoder's states {@code (B, S, H)} for the
     * sources, computed before (a frozen encoder's, see {@link FrozenEncoderCache}), and the encoder does not run.
     */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        DecoderMemory memory = inputs.size() > 3
                ? decoder.remember(ps, new dev.heed.encoders.EncoderOutput(java.util.Optional.of(inputs.get(3)),
                        java.util.Optional.empty(), java.util.Optional.empty(), java.util.List.of()), inputs.get(0),
                        inputs.get(1), training)
                : remember(ps, inputs.get(0), inputs.get(1), training);
        ForcedOutput forced = decoder.forced(ps, memory, inputs.get(2), training, false);
        NDList out = new NDList(forced.logits());
        forced.coverageLoss().ifPresent(out::add);
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[2].get(0), inputShapes[2].get(1), decoder.config().vocabSize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, EncoderBlock.inputShapes(8));
        decoder.initialize(manager, dataType, new Shape(1, 8));
    }
}
