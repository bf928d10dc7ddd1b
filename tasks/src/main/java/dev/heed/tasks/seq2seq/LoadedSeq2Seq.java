package dev.heed.tasks.seq2seq;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;
import dev.heed.encoders.EncoderBlock;
import dev.heed.encoders.EncoderConfigs;
import dev.heed.encoders.EncoderProvider;
import dev.heed.encoders.EncoderWeights;
import dev.heed.encoders.Encoders;
import dev.heed.encoders.InPlace;
import dev.heed.model.ComponentSpec;
import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelLoadException;
import dev.heed.tensor.SafeTensorsFile;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * An encoder-decoder read from a model directory (any seq2seq task: translation, summarization): the
 * architecture its manifest's {@code encoder} and {@code decoder} components describe, its weights (hashes
 * verified by {@link ModelDirectory}), its subword vocabularies, and the manager that owns the arrays.
 *
 * <p>Closing it closes the vocabularies and the manager. The block is thread-safe for inference (calls make
 * their own arrays).
 *
 * @param directory where it was read from
 * @param model the initialized encoder-decoder holding the weights
 * @param vocabularies source and target (or joint) subword vocabularies
 * @param manager owns the weights
 */
public record LoadedSeq2Seq(ModelDirectory directory, Seq2SeqBlock model, Vocabularies vocabularies,
        NDManager manager) implements AutoCloseable {

    /**
     * Reads {@code dir} onto {@code device}, requiring its manifest's task to be {@code task}.
     *
     * @throws ModelLoadException naming the file and what is wrong: another task, a missing component or weight, a
     *     vocabulary that does not fit the decoder
     */
    public static LoadedSeq2Seq open(ModelDirectory dir, String task, Device device) throws ModelLoadException {
        if (!dir.manifest().task().equals(task)) {
            throw new ModelLoadException(dir.path() + " is a " + dir.manifest().task() + " model, not a " + task
                    + " model");
        }
        NDManager manager = NDManager.newBaseManager(device);
        Vocabularies vocabularies = null;
        try {
            Seq2SeqBlock model = architecture(dir);
            model.setInitializer(new ConstantInitializer(0f), p -> true);
            model.initialize(manager, DataType.FLOAT32);
            loadWeights(model, dir);
            vocabularies = Vocabularies.load(dir);
            if (vocabularies.target().size() != model.decoder().config().vocabSize()) {
                throw new ModelLoadException("the target tokenizer has " + vocabularies.target().size()
                        + " pieces but the decoder " + model.decoder().config().vocabSize());
            }
            if (model.decoder().config().copy() && !vocabularies.isJoint()) {
                throw new ModelLoadException(dir.path() + ": a decoder that copies needs one joint vocabulary");
            }
            return new LoadedSeq2Seq(dir, model, vocabularies, manager);
        } catch (IOException | RuntimeException | ModelLoadException e) {
            if (vocabularies != null) {
                vocabularies.close();
            }
            manager.close();
            if (e instanceof ModelLoadException mle) {
                throw mle;
            }
            throw new ModelLoadException("cannot load " + task + " model " + dir.path() + ": " + e.getMessage(), e);
        }
    }

    /** The encoder-decoder {@code dir}'s manifest describes, not initialized. */
    public static Seq2SeqBlock architecture(ModelDirectory dir) throws ModelLoadException {
        ComponentSpec encoderSpec = dir.manifest().components().get("encoder");
        ComponentSpec decoderSpec = dir.manifest().components().get("decoder");
        if (encoderSpec == null || decoderSpec == null) {
            throw new ModelLoadException(dir.path() + "/model.json lacks the encoder or decoder of an encoder-decoder");
        }
        EncoderProvider provider = Encoders.provider(encoderSpec.name());
        EncoderBlock encoder = provider.create(provider.parse(encoderSpec.config()));
        return Seq2SeqBlock.of(encoder, EncoderConfigs.parse(DecoderConfig.transformer(5), decoderSpec.config()));
    }

    /**
     * Copies {@code dir}'s weights into the initialized {@code model}, and the parts it keeps by reference from the
     * pretrained model it names ({@link PretrainedWeights}); fails naming a missing or misfit weight, or a
     * pretrained model that is missing or not the one trained on.
     */
    public static void loadWeights(Seq2SeqBlock model, ModelDirectory dir) throws IOException, ModelLoadException {
        SafeTensorsFile weights = SafeTensorsFile.open(dir.resolve(dir.manifest().weights()));
        PretrainedWeights.Referenced referenced = PretrainedWeights.loadReferenced(model, dir);
        if (!referenced.wholeEncoder()) {
            EncoderWeights.load(model.encoder(), weights, "encoder.", referenced.encoderKeys());
        }
        Set<String> filled = referenced.decoderKeys();
        for (Map.Entry<String, Parameter> e : model.decoderParameters().entrySet()) {
            String key = "decoder." + e.getKey();
            if (filled.contains(e.getKey())) {
                continue;
            }
            if (!weights.tensors().containsKey(key)) {
                throw new ModelLoadException(weights.path() + " lacks the decoder weight " + key);
            }
            InPlace.overwrite(e.getValue().getArray(), weights, key);
        }
    }

    @Override
    public void close() {
        vocabularies.close();
        manager.close();
    }
}
