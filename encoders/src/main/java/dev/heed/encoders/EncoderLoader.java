package dev.heed.encoders;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.heed.model.ComponentSpec;
import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelLoadException;
import dev.heed.tensor.SafeTensorsFile;
import java.io.IOException;

/**
 * Builds the encoder a model directory describes ({@code components.encoder} of its {@code model.json}) and
 * loads its weights. Stateless.
 */
public final class EncoderLoader {

    private EncoderLoader() {
    }

    /**
     * The encoder of {@code model}, on {@code device}, with its weights under {@code prefix} in the model's
     * weights file.
     *
     * @throws ModelLoadException when the manifest names no known encoder or the weights do not fit
     */
    public static TextEncoder load(ModelDirectory model, String prefix, Device device) throws ModelLoadException {
        return load(model, prefix, device, java.util.Map.of());
    }

    /** As {@link #load(ModelDirectory, String, Device)}, with settings of the encoder's config replaced. */
    public static TextEncoder load(ModelDirectory model, String prefix, Device device, java.util.Map<String, ?> overrides)
            throws ModelLoadException {
        ComponentSpec spec = model.manifest().components().get("encoder");
        if (spec == null) {
            throw new ModelLoadException(model.path() + "/model.json names no encoder under \"components\"");
        }
        EncoderBlock block;
        try {
            EncoderProvider provider = Encoders.provider(spec.name());
            java.util.Map<String, Object> config = new java.util.LinkedHashMap<>(spec.config());
            config.putAll(overrides);
            block = provider.create(provider.parse(config));
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException("cannot build the encoder of " + model.path() + ": " + e.getMessage(), e);
        }
        NDManager manager = NDManager.newBaseManager(device);
        try {
            block.setInitializer(new ai.djl.training.initializer.ConstantInitializer(0f), p -> true);
            block.initialize(manager, DataType.FLOAT32, EncoderBlock.inputShapes(8));
            EncoderWeights.load(block, SafeTensorsFile.open(model.resolve(model.manifest().weights())), prefix);
            return TextEncoder.wrap(block, manager);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw new ModelLoadException("cannot load the weights of " + model.path() + ": " + e.getMessage(), e);
        }
    }
}
