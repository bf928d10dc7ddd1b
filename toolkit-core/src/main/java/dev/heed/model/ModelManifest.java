package dev.heed.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code model.json} of a model directory: what the model is, how to build it, and the size and
 * sha256 of every file, verified on load. Immutable; field names are a contract kept across releases.
 *
 * @param formatVersion version of this manifest's format; readers refuse newer ones
 * @param name the model's name, e.g. {@code sst2}
 * @param task {@code sentiment}, {@code translation}, {@code summarization}, {@code embedding} or
 *     {@code tokenizer}
 * @param description one line for {@code heed models list}
 * @param labels class labels by index (classification), else empty
 * @param tokenizers tokenizer files by role ({@code source}, {@code target})
 * @param components encoder, head and decoder specs by role
 * @param weights the weights file, or empty when the model has none
 * @param files every file of the directory but {@code model.json}, with its size and sha256
 * @param metrics dev-split metrics by name
 * @param provenance where the model came from
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ModelManifest(int formatVersion, String name, String task, String description,
        List<String> labels, Map<String, String> tokenizers, Map<String, ComponentSpec> components,
        String weights, Map<String, FileEntry> files, Map<String, Double> metrics, Provenance provenance) {

    /** The manifest format this Heed writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    public ModelManifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        description = description == null ? "" : description;
        labels = labels == null ? List.of() : List.copyOf(labels);
        tokenizers = tokenizers == null ? Map.of() : Map.copyOf(tokenizers);
        components = components == null ? Map.of() : Map.copyOf(components);
        weights = weights == null ? "" : weights;
        files = files == null ? Map.of() : Map.copyOf(files);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** This manifest with {@code files} replaced. */
    public ModelManifest withFiles(Map<String, FileEntry> newFiles) {
        return new ModelManifest(formatVersion, name, task, description, labels, tokenizers, components,
                weights, newFiles, metrics, provenance);
    }
}
