package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import dev.heed.engine.EngineArrays;
import java.util.function.BiFunction;

/**
 * Refuses an encoder and a decoder that cannot work together before a training run reads its data or writes a
 * file: the configured model is built with small vocabularies and runs one batch of 2 x 4 tokens, and a failure
 * becomes an {@link IllegalArgumentException} that names both sides' sizes and the settings that make them fit.
 * Stateless.
 */
final class ArchitectureCheck {

    private static final int VOCABULARY = 32;

    private ArchitectureCheck() {
    }

    /**
     * Builds the model with {@code build} (source and target vocabulary sizes in, the model out) and runs a batch.
     *
     * @throws IllegalArgumentException when the model cannot be built or the batch fails
     */
    static void requireFits(Seq2SeqTrainingOptions options, BiFunction<Integer, Integer, Seq2SeqBlock> build) {
        Seq2SeqBlock model;
        try {
            model = build.apply(VOCABULARY, VOCABULARY);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("the " + options.encoder() + " encoder and the " + options.decoder()
                    + " decoder cannot be built as configured: " + e.getMessage(), e);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            model.setInitializer(new ConstantInitializer(0.01f), p -> true);
            model.initialize(manager, DataType.FLOAT32, new Shape(2, 4), new Shape(2, 4), new Shape(2, 4));
            long[] ids = {1, 5, 6, 2, 1, 7, 2, 0};
            float[] mask = {1, 1, 1, 1, 1, 1, 1, 0};
            NDArray source = EngineArrays.of(manager, ids, new Shape(2, 4));
            NDArray sourceMask = EngineArrays.of(manager, mask, new Shape(2, 4));
            NDArray target = EngineArrays.of(manager, ids, new Shape(2, 4));
            model.forward(new ParameterStore(manager, false), new NDList(source, sourceMask, target), false);
        } catch (RuntimeException e) {
            int states = model.encoder().spec().stateSize();
            DecoderConfig decoder = model.decoder().config();
            throw new IllegalArgumentException("the " + options.encoder() + " encoder (states of " + states + ") and"
                    + " the " + decoder.type() + " decoder (dim " + decoder.dim() + ", embeddingDim "
                    + decoder.embeddingDim() + ") do not fit together: give both sides one size, e.g. --set-decoder dim="
                    + states + (decoder.type().equals("transformer") ? " --set-decoder embeddingDim=" + states : "")
                    + " (the decoder's defaults do not follow --set, which sets the encoder only); nothing was"
                    + " trained or written (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
