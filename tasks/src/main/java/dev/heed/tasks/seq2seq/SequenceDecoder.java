package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.heed.encoders.EncoderOutput;

/**
 * The contract of a sequence decoder (translation, summarization): it reads the encoded source once ({@link #remember}), then either
 * scores whole targets in one teacher-forced pass ({@link #forced}, for training and for replaying a
 * hypothesis) or produces one token at a time ({@link #start}, {@link #step}, for search). Both paths compute
 * the same numbers: a step's log-probabilities and cross-attention equal the forced pass's at that position
 * ({@code DecoderContractTest}). Target ids begin with {@code <s>}; every call's arrays belong to the inputs'
 * manager. A DJL block: parameters, initialization, training.
 */
public abstract class SequenceDecoder extends AbstractBlock {

    /** The config it was built with. */
    public abstract DecoderConfig config();

    /** Decoder layers whose cross-attention is reported ({@code gru}: 1). */
    public abstract int attentionLayers();

    /** Heads of each layer's cross-attention. */
    public abstract int attentionHeads();

    /**
     * Reads the encoder's output for {@code (B, S)} source tokens {@code ids} (int64; a copying decoder points at
     * them) under {@code mask}.
     */
    public abstract DecoderMemory remember(ParameterStore ps, EncoderOutput source, NDArray ids, NDArray mask,
            boolean training);

    /** Scores of the next token at every position of {@code targetIn} {@code (B, T)} (int64). */
    public abstract ForcedOutput forced(ParameterStore ps, DecoderMemory memory, NDArray targetIn, boolean training,
            boolean capture);

    /** The state before the first step, for {@code memory}'s rows. */
    public abstract DecoderState start(ParameterStore ps, DecoderMemory memory);

    /** Reads {@code tokens} {@code (N)} (int64, the previous token of each row) and scores the next. */
    public abstract StepOutput step(ParameterStore ps, DecoderMemory memory, DecoderState state, NDArray tokens,
            boolean capture);

    /** DJL protocol: not used; decoders are called through {@link #forced} and {@link #step}. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("call forced(...) or step(...) on a decoder");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), config().vocabSize())};
    }
}
