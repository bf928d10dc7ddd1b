package dev.heed.tasks.sentiment;

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
import dev.heed.tasks.classification.ClassificationMetrics;
import dev.heed.tasks.classification.TextVectorizer;
import dev.heed.tasks.training.GitCommit;
import dev.heed.tensor.DType;
import dev.heed.tensor.SafeTensorsWriter;
import dev.heed.text.vocab.TokenizerJsonWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a trained sentiment classifier as a model directory with its manifest and model card. */
public final class SentimentModelWriter {

    /** The vectorizer of word-level models: CoreNLP's normalized words in a word-level tokenizer.json. */
    public static final String WORDS = "corenlp-words";
    /** The vectorizer of fine-tuned models: the pretrained model's HuggingFace subwords. */
    public static final String SUBWORDS = "hf-subwords";

    private SentimentModelWriter() {
    }

    /**
     * Writes {@code result} into {@code out}.
     *
     * @param name the model's name
     * @param command the exact command that trained it, for the card and the provenance
     * @param trainFile the training data, fingerprinted in the provenance
     */
    public static ModelDirectory write(SentimentTrainer.Result result, SentimentTrainingOptions options, String name,
            String command, Path trainFile, Path out) throws IOException, ModelLoadException {
        return write(result, options, name, command, trainFile, out, DType.F32);
    }

    /**
     * As {@link #write(SentimentTrainer.Result, SentimentTrainingOptions, String, String, Path, Path)}, with the
     * encoder's weights stored as {@code weightsType} (F16 halves the file; the head stays F32).
     */
    public static ModelDirectory write(SentimentTrainer.Result result, SentimentTrainingOptions options, String name,
            String command, Path trainFile, Path out, DType weightsType) throws IOException, ModelLoadException {
        Files.createDirectories(out);
        String vectorizer = switch (result.vectorizer()) {
            case TextVectorizer.Words w -> {
                TokenizerJsonWriter.writeWordLevel(w.vocabulary(), true, out.resolve("tokenizer.json"));
                yield WORDS;
            }
            case TextVectorizer.Subwords s -> {
                Files.copy(s.tokenizer().source(), out.resolve("tokenizer.json"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                yield SUBWORDS;
            }
        };
        SafeTensorsWriter weights = new SafeTensorsWriter().metadata("heed.task", "sentiment");
        EncoderWeights.save(result.classifier().encoder(), weights, "encoder.", weightsType);
        result.classifier().headParameters().forEach((k, p) -> {
            NDArray a = p.getArray();
            weights.addFloats("head." + k, DType.F32, a.getShape().getShape(), a.toFloatArray());
        });
        weights.write(out.resolve("weights.safetensors"));
        ClassificationMetrics dev = result.dev();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", dev.accuracy());
        metrics.put("macro_f1", dev.macroF1());
        Map<String, ComponentSpec> components = new LinkedHashMap<>();
        components.put("encoder", new ComponentSpec(result.classifier().encoder().spec().name(),
                EncoderConfigs.toMap(result.classifier().encoder().config())));
        components.put("head", new ComponentSpec("linear", Map.of("labels", options.labels().size(),
                "dropout", (double) options.dropout())));
        components.put("vectorizer", new ComponentSpec(vectorizer, Map.of("maxLength", options.maxLength())));
        Provenance provenance = new Provenance(HeedVersion.heed(), GitCommit.current(), options.seed(),
                "sha256:" + Sha256.of(trainFile), HeedVersion.djl(), HeedVersion.libtorch(), result.seconds(), command,
                Instant.now().toString());
        Files.writeString(out.resolve("README.md"), card(name, result, options, command));
        String encoderName = result.classifier().encoder().spec().name();
        ModelManifest draft = new ModelManifest(ModelManifest.FORMAT_VERSION, name, "sentiment",
                encoderName + " sentiment classifier (" + String.join("/", options.labels()) + ")",
                options.labels(), Map.of("source", "tokenizer.json"), components, "weights.safetensors", Map.of(),
                metrics, provenance);
        return ModelDirectory.seal(out, draft, List.of("tokenizer.json", "weights.safetensors", "README.md"));
    }

    private static String card(String name, SentimentTrainer.Result r, SentimentTrainingOptions o, String command) {
        ClassificationMetrics dev = r.dev();
        StringBuilder perClass = new StringBuilder();
        for (int i = 0; i < o.labels().size(); i++) {
            perClass.append(String.format("| %s | %.4f | %.4f | %.4f |%n", o.labels().get(i), dev.precision(i),
                    dev.recall(i), dev.f1(i)));
        }
        return """
                # %s

                A %s sentiment classifier trained by Heed, %s (encoder config in `model.json`).

                ## Trained by

                ```
                %s
                ```

                Seed %d, %.0f s of training on this machine (2 cores), best epoch %d.

                ## Dev metrics (%,d examples)

                Accuracy %.4f, macro-F1 %.4f.

                | class | precision | recall | F1 |
                |---|---:|---:|---:|
                %s
                Confusion matrix (rows gold, columns predicted, in the order of the classes): %s

                ## Training log

                %s
                """.formatted(name, r.classifier().encoder().spec().name(), origin(o), command, o.seed(), r.seconds(), r.bestEpoch(), dev.total(),
                dev.accuracy(), dev.macroF1(), perClass, java.util.Arrays.deepToString(dev.confusion()),
                String.join("\n", r.log().stream().map(l -> "- " + l).toList()));
    }

    private static String origin(SentimentTrainingOptions o) {
        String start = o.init().map(m -> "fine-tuned from the pretrained " + m).orElse("from scratch")
                + o.embeddings().map(m -> " with word vectors from " + m + "'s input embeddings").orElse("");
        return o.teacher().map(t -> start + ", distilled from " + t + (o.augment() > 0 ? " over the training texts and "
                + o.augment() + " augmented variants of each (masked words, n-gram samples)" : "")).orElse(start);
    }
}
