package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.NormalInitializer;
import dev.heed.encoders.EncoderBlock;
import dev.heed.encoders.Encoders;
import java.util.Map;

/** Small randomly initialized encoder-decoders for the translation tests. */
final class TinySeq2Seq {

    static final int VOCAB = 40;

    private TinySeq2Seq() {
    }

    /** {@code encoder} (bigru or transformer) feeding a decoder of {@code type} with {@code attention}. */
    static Seq2SeqBlock build(NDManager manager, String encoder, String type, String attention) {
        return build(manager, encoder, type, attention, false, false);
    }

    /** The same, with a copy mechanism and coverage on request (gru decoders). */
    static Seq2SeqBlock build(NDManager manager, String encoder, String type, String attention, boolean copy,
            boolean coverage) {
        EncoderBlock enc = encoder.equals("bigru")
                ? Encoders.create("bigru", Map.of("vocabSize", VOCAB, "embeddingDim", 12, "hiddenSize", 8,
                        "dropout", 0f, "attentionPooling", false))
                : Encoders.create("transformer", Map.of("vocabSize", VOCAB, "dim", 16, "layers", 2, "heads", 2,
                        "ffnDim", 24, "maxLength", 64, "dropout", 0f));
        int states = enc.spec().stateSize();
        DecoderConfig config = type.equals("gru")
                ? new DecoderConfig("gru", attention, VOCAB, 10, states, 1, 1, 1, 12, 3, 0f, false, 64, copy, coverage)
                : new DecoderConfig("transformer", attention, VOCAB, 16, 16, 2, 2, 24, 16, 3, 0f, true, 64, copy, coverage);
        Seq2SeqBlock model = Seq2SeqBlock.of(enc, config);
        model.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
        model.initialize(manager, DataType.FLOAT32);
        return model;
    }
}
