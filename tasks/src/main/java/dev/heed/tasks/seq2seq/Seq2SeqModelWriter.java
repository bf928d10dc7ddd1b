package dev.heed.tasks.seq2seq;


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
import java.util.Optional;
import java.util.Set;

/**
 * Writes a trained encoder-decoder (any seq2seq task) as a sealed model directory: its vocabularies, the weights
 * ({@code encoder.*}, {@code decoder.*}; a frozen pretrained encoder, and a decoder table fixed to its word
 * embeddings, are named by reference instead, see {@link PretrainedWeights}), the manifest with the encoder and
 * decoder configs and the dev metrics, and the model card the task wrote. Stateless.
 */
public final class Seq2SeqModelWriter {

    /** The name of the vectorizer component of a learned vocabulary: byte-level BPE ({@code wordpiece} over a
     *  pretrained encoder). */
    public static final String CODEC = "byte-bpe";

    private Seq2SeqModelWriter() {
    }

    /**
     * Writes {@code result} into {@code out}, weights stored as {@code weightsType}.
     *
     * @param task the manifest's task ({@code translation}, {@code summarization})
     * @param description the manifest's one-line description
     * @param vectorizer the vectorizer component's config (for example the languages)
     * @param card the model card, without the continued-from history this method appends
     * @param command the exact command that trained it
     * @param trainFile the training data file, fingerprinted in the provenance
     */
    public static ModelDirectory write(Seq2SeqTrainer.Result result, Seq2SeqTrainingOptions options, String task,
            String name, String description, Map<String, Object> vectorizer, String card, String command,
            Path trainFile, Path out, DType weightsType) throws IOException, ModelLoadException {
        Files.createDirectories(out);
        List<String> files = new ArrayList<>(result.vocabularies().copyTo(out));
        SafeTensorsWriter weights = new SafeTensorsWriter().metadata("heed.task", task);
        // a frozen pretrained encoder (and a decoder table fixed to its rows) is stored by reference: see
        // PretrainedWeights
        // a fine-tuned one whose word embeddings stayed the pretrained rows stores all but those
        boolean encoderByReference = options.encoderInit().isPresent() && result.model().encoderFrozen();
        boolean wordsByReference = options.encoderInit().isPresent() && !encoderByReference
                && PretrainedWeights.encoderWordsFixed(result.model());
        Optional<String> tableByReference = (encoderByReference || wordsByReference)
                && options.freezeDecoderEmbeddings() ? PretrainedWeights.decoderTableKey(result.model())
                : Optional.empty();
        if (!encoderByReference) {
            EncoderWeights.save(result.model().encoder(), weights, "encoder.", weightsType, wordsByReference
                    ? Set.of(PretrainedWeights.WORD_EMBEDDINGS) : Set.of());
        }
        result.model().decoderParameters().forEach((k, p) -> {
            if (tableByReference.isPresent() && tableByReference.get().equals(k)) {
                return;
            }
            NDArray a = p.getArray();
            weights.addFloats("decoder." + k, weightsType, a.getShape().getShape(), a.toFloatArray());
        });
        weights.write(out.resolve("weights.safetensors"));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(result.metric().key(), result.devScore());
        metrics.put(result.metric().secondKey(), result.devSecondScore());
        Map<String, ComponentSpec> components = new LinkedHashMap<>();
        components.put("encoder", new ComponentSpec(result.model().encoder().spec().name(),
                EncoderConfigs.toMap(result.model().encoder().config())));
        DecoderConfig decoder = result.model().decoder().config();
        components.put("decoder", new ComponentSpec(decoder.type(), EncoderConfigs.toMap(decoder)));
        Map<String, Object> vectorizerConfig = new LinkedHashMap<>(vectorizer);
        if (options.encoderInit().isPresent()) {
            // which pretrained encoder and tokenizer this model stands on; its weights, when fine-tuned, are in this
            // model, and when frozen, named by reference with the hash of the file they come from
            vectorizerConfig.put(PretrainedWeights.PRETRAINED_NAME, options.encoderInit().get());
            vectorizerConfig.put("encoderFrozen", result.model().encoderFrozen());
            if (encoderByReference || wordsByReference) {
                vectorizerConfig.put(encoderByReference ? PretrainedWeights.ENCODER_WEIGHTS
                        : PretrainedWeights.ENCODER_WORD_EMBEDDINGS, PretrainedWeights.BY_REFERENCE);
                vectorizerConfig.put(PretrainedWeights.PRETRAINED_SHA256, PretrainedWeights.weightsSha256(
                        new dev.heed.models.ModelResolver().resolve(options.encoderInit().get())));
            }
            if (tableByReference.isPresent()) {
                vectorizerConfig.put(PretrainedWeights.DECODER_EMBEDDINGS, PretrainedWeights.BY_REFERENCE);
            }
            vectorizerConfig.put("idOrder", "BERT's ids with 1..3 and 100..102 swapped ([UNK] [CLS] [SEP] at 1..3)");
        }
        components.put("vectorizer", new ComponentSpec(result.vocabularies().source().kind(), vectorizerConfig));
        Provenance provenance = new Provenance(HeedVersion.heed(), GitCommit.current(), options.seed(),
                "sha256:" + Sha256.of(trainFile), HeedVersion.djl(), HeedVersion.libtorch(), result.seconds(), command,
                Instant.now().toString());
        Files.writeString(out.resolve("README.md"), card + history(options));
        ModelManifest draft = new ModelManifest(ModelManifest.FORMAT_VERSION, name, task, description, List.of(),
                result.vocabularies().manifestEntry(), components, "weights.safetensors", Map.of(), metrics,
                provenance);
        files.add("weights.safetensors");
        files.add("README.md");
        return ModelDirectory.seal(out, draft, files);
    }

    /** How {@code v} is made, for a model card. */
    public static String describe(Vocabularies v) {
        if (v.source().kind().equals(SubwordCodec.WORDPIECE)) {
            return String.format("the pretrained encoder's WordPiece vocabulary of %,d pieces, shared by source and"
                    + " target", v.source().size());
        }
        return v.isJoint() ? String.format("a joint byte-level BPE of %,d pieces", v.source().size())
                : String.format("separate byte-level BPE vocabularies of %,d (source) and %,d (target) pieces",
                        v.source().size(), v.target().size());
    }

    /** For a continued model, how the model it started from was trained (its card's "Trained by", recursively). */
    private static String history(Seq2SeqTrainingOptions options) throws IOException {
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

}
