package dev.heed.models.bert;

import java.util.Objects;

/**
 * How to turn pretrained BERT weights into a Heed model directory. Immutable.
 *
 * @param name the model's name in its manifest
 * @param description one line for {@code heed models list}
 * @param heads attention heads (ONNX files do not record it; HuggingFace's config.json does)
 * @param pooling {@code mean} or {@code cls}: how the model makes one vector of a text
 * @param source where the weights came from, for the manifest's provenance and the model card
 */
public record BertImportOptions(String name, String description, int heads, String pooling, String source) {

    public BertImportOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
        if (heads < 1) {
            throw new IllegalArgumentException("heads must be >= 1, got " + heads);
        }
        if (!pooling.equals("mean") && !pooling.equals("cls")) {
            throw new IllegalArgumentException("pooling must be mean or cls, got '" + pooling + "'");
        }
    }
}
