package dev.heed.tasks.translation;

import ai.djl.ndarray.NDArray;
import dev.heed.encoders.EncoderConfigs;
import dev.heed.encoders.EncoderWeights;
import dev.heed.engine.HeedVersion;
import dev.heed.model.ComponentSpec;
import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelLoadException;
import dev.heed.model.ModelManifest;
import dev.heed.model.Provenance;
import dev.heed.model.Sha256;
import dev.heed.tasks.training.GitCommit;
import dev.heed.tensor.DType;
import dev.heed.tensor.SafeTensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a trained translation model as a model directory with its manifest and model card. */
public final class TranslationModelWriter {

    /** The name of the vectorizer component: a joint byte-level BPE for both sides. */
    public static final String CODEC = "byte-bpe";

    private TranslationModelWriter() {
    }

    /**
     * Writes {@code result} into {@code out}, weights stored as {@code weightsType}.
     *
     * @param languages {@code "de-en"}, for the card and the manifest
     * @param command the exact command that trained it
     * @param trainFile the training source file, fingerprinted in the provenance
     */
    public static ModelDirectory write(TranslationTrainer.Result result, TranslationTrainingOptions options,
            String name, String languages, String command, Path trainFile, Path out, DType weightsType)
            throws IOException, ModelLoadException {
        Files.createDirectories(out);
        List<String> files = new ArrayList<>(result.vocabularies().copyTo(out));
        SafeTensorsWriter weights = new SafeTensorsWriter().metadata("heed.task", "translation");
        EncoderWeights.save(result.model().encoder(), weights, "encoder.", weightsType);
        result.model().decoderParameters().forEach((k, p) -> {
            NDArray a = p.getArray();
            weights.addFloats("decoder." + k, weightsType, a.getShape().getShape(), a.toFloatArray());
        });
        weights.write(out.resolve("weights.safetensors"));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("bleu", result.devBleu());
        metrics.put("chrf", result.devChrf());
        Map<String, ComponentSpec> components = new LinkedHashMap<>();
        components.put("encoder", new ComponentSpec(result.model().encoder().spec().name(),
                EncoderConfigs.toMap(result.model().encoder().config())));
        DecoderConfig decoder = result.model().decoder().config();
        components.put("decoder", new ComponentSpec(decoder.type(), EncoderConfigs.toMap(decoder)));
        components.put("vectorizer", new ComponentSpec(CODEC, Map.of("languages", languages)));
        Provenance provenance = new Provenance(HeedVersion.heed(), GitCommit.current(), options.seed(),
                "sha256:" + Sha256.of(trainFile), HeedVersion.djl(), HeedVersion.libtorch(), result.seconds(), command,
                Instant.now().toString());
        Files.writeString(out.resolve("README.md"), card(name, languages, result, options, command)
                + history(options));
        ModelManifest draft = new ModelManifest(ModelManifest.FORMAT_VERSION, name, "translation",
                languages + " translation: " + result.model().encoder().spec().name() + " encoder, " + decoder.type()
                        + " decoder with " + decoder.attention() + " attention",
                List.of(), result.vocabularies().manifestEntry(), components, "weights.safetensors", Map.of(), metrics,
                provenance);
        files.add("weights.safetensors");
        files.add("README.md");
        return ModelDirectory.seal(out, draft, files);
    }

    /** For a continued model, how the model it started from was trained (its card's "Trained by", recursively). */
    private static String history(TranslationTrainingOptions options) throws IOException {
        if (options.init().isEmpty()) {
            return "";
        }
        try {
            ModelDirectory init = new dev.heed.models.ModelResolver().resolve(options.init().get());
            String card = Files.readString(init.resolve("README.md"));
            int from = card.indexOf("## Trained by");
            int to = card.indexOf("## Dev metrics", Math.max(0, from));
            String trained = from < 0 ? "" : card.substring(from + "## Trained by".length(), to < 0 ? card.length() : to);
            int earlier = card.indexOf("## Continued from");
            return "\n## Continued from\n\nThe weights this training started from (`--init`) were trained by:\n"
                    + trained.stripTrailing() + "\n" + (earlier < 0 ? "" : "\n" + card.substring(earlier)
                    .replaceFirst("## Continued from", "### Before that"));
        } catch (ModelLoadException e) {
            return "\n## Continued from\n\n" + options.init().get() + " (no longer readable: " + e.getMessage() + ")\n";
        }
    }

    private static String card(String name, String languages, TranslationTrainer.Result r,
            TranslationTrainingOptions o, String command) {
        DecoderConfig d = r.model().decoder().config();
        return """
                # %s

                A %s translation model trained by Heed from scratch on Multi30k-style parallel data: a %s encoder and
                a %s decoder with %s cross-attention (full configs in `model.json`), %s. It reads raw text and
                writes cased, detokenized text.

                ## Trained by

                ```
                %s
                ```

                Seed %d, %.0f s of training on this machine (2 cores), %,d training pairs (%,d left out: empty or
                longer than %d subwords). Weights kept: %s.

                ## Dev metrics (greedy search)

                sacreBLEU %.2f (%s), chrF %.2f (%s).

                ## Training log

                %s
                """.formatted(name, languages, r.model().encoder().spec().name(), d.type(), d.attention(),
                vocabularies(r.vocabularies()), command, o.seed(), r.seconds(), r.trainPairs(), r.leftOut(), o.maxTrainTokens(),
                r.chosen(), r.devBleu(), dev.heed.tasks.metrics.Bleu.sacre().signature(), r.devChrf(),
                new dev.heed.tasks.metrics.Chrf().signature(),
                String.join("\n", r.log().stream().map(l -> "- " + l).toList()));
    }

    private static String vocabularies(Vocabularies v) {
        return v.isJoint() ? String.format("a joint byte-level BPE of %,d pieces", v.source().size())
                : String.format("separate byte-level BPE vocabularies of %,d (source) and %,d (target) pieces",
                        v.source().size(), v.target().size());
    }
}
