package dev.heed.models.bert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.engine.HeedVersion;
import dev.heed.json.HeedJson;
import dev.heed.model.ComponentSpec;
import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelLoadException;
import dev.heed.model.ModelManifest;
import dev.heed.model.Provenance;
import dev.heed.tensor.DType;
import dev.heed.tensor.OnnxFile;
import dev.heed.tensor.OnnxWeightNames;
import dev.heed.tensor.OnnxWeightNames.FloatTensor;
import dev.heed.tensor.SafeTensorsFile;
import dev.heed.tensor.SafeTensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes pretrained BERT weights as a directory that is both a HuggingFace model ({@code config.json},
 * {@code model.safetensors} with HuggingFace names, {@code tokenizer.json}) and a Heed model ({@code model.json}
 * with the {@code bert} encoder's config and the files' sha256, and a model card). Reads fp32 ONNX exports
 * (weights named by {@link OnnxWeightNames}) or HuggingFace directories. Stateless.
 */
public final class BertImporter {

    /** The weights file, named as HuggingFace names it. */
    public static final String WEIGHTS = "model.safetensors";

    private BertImporter() {
    }

    /** Imports the fp32 ONNX export {@code onnx} with its {@code tokenizer} into {@code out}. */
    public static ModelDirectory fromOnnx(Path onnx, Path tokenizer, BertImportOptions options, Path out)
            throws IOException, ModelLoadException {
        for (Path needed : new Path[] {onnx, tokenizer}) {
            if (!java.nio.file.Files.isRegularFile(needed)) {
                throw new java.nio.file.NoSuchFileException(needed.toString(), null,
                        "no such file (the import needs the .onnx file and the model's tokenizer.json)");
            }
        }
        Map<String, FloatTensor> weights = new LinkedHashMap<>();
        OnnxWeightNames.pytorchNamed(OnnxFile.read(onnx)).forEach((k, v) -> weights.put(stripPrefix(k), v));
        return write(weights, tokenizer, options, out);
    }

    /** Imports a HuggingFace directory ({@code config.json}, {@code model.safetensors}, {@code tokenizer.json}). */
    public static ModelDirectory fromHuggingFace(Path dir, BertImportOptions options, Path out)
            throws IOException, ModelLoadException {
        for (String needed : new String[] {"config.json", WEIGHTS}) { // read first; tokenizer.json is copied last
            if (!java.nio.file.Files.isRegularFile(dir.resolve(needed))) {
                throw new dev.heed.model.ModelFileMissingException(dir.resolve(needed) + " does not exist: a HuggingFace BERT"
                        + " directory to import holds config.json, " + WEIGHTS + " and tokenizer.json (a model with"
                        + " only pytorch_model.bin: save it with save_pretrained(..., safe_serialization=True); or"
                        + " import its ONNX export with heed models import onnx FILE --tokenizer tokenizer.json)");
            }
        }
        SafeTensorsFile file = SafeTensorsFile.open(dir.resolve(WEIGHTS));
        Map<String, FloatTensor> weights = new LinkedHashMap<>();
        for (String name : file.names()) {
            if (file.info(name).dtype() == DType.I64) {
                continue; // position_ids buffers
            }
            weights.put(stripPrefix(name), new FloatTensor(file.info(name).shape(), file.floats(name)));
        }
        JsonNode config = HeedJson.readTree(dir.resolve("config.json"));
        int heads = config.path("num_attention_heads").asInt(options.heads());
        return write(weights, dir.resolve("tokenizer.json"), new BertImportOptions(options.name(),
                options.description(), heads, options.pooling(), options.source()), out);
    }

    private static String stripPrefix(String name) {
        return name.startsWith("bert.") ? name.substring(5) : name;
    }

    private static ModelDirectory write(Map<String, FloatTensor> weights, Path tokenizer, BertImportOptions options,
            Path out) throws IOException, ModelLoadException {
        FloatTensor words = require(weights, "embeddings.word_embeddings.weight");
        FloatTensor positions = require(weights, "embeddings.position_embeddings.weight");
        FloatTensor types = require(weights, "embeddings.token_type_embeddings.weight");
        int layers = 0;
        while (weights.containsKey("encoder.layer." + layers + ".attention.self.query.weight")) {
            layers++;
        }
        int hidden = (int) words.shape()[1];
        int intermediate = (int) require(weights, "encoder.layer.0.intermediate.dense.weight").shape()[0];
        Map<String, Object> encoder = new LinkedHashMap<>();
        encoder.put("vocabSize", (int) words.shape()[0]);
        encoder.put("hiddenSize", hidden);
        encoder.put("layers", layers);
        encoder.put("heads", options.heads());
        encoder.put("intermediateSize", intermediate);
        encoder.put("maxPositions", (int) positions.shape()[0]);
        encoder.put("typeVocabSize", (int) types.shape()[0]);
        encoder.put("layerNormEps", 1e-12);
        encoder.put("dropout", 0.1);
        encoder.put("pooling", options.pooling());

        Files.createDirectories(out);
        SafeTensorsWriter writer = new SafeTensorsWriter().metadata("format", "pt");
        weights.forEach((name, t) -> writer.addFloats(name, DType.F32, t.shape(), t.values()));
        writer.write(out.resolve(WEIGHTS));
        Files.copy(tokenizer, out.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
        ObjectNode hf = HeedJson.PRETTY.createObjectNode();
        hf.put("model_type", "bert").putArray("architectures").add("BertModel");
        hf.put("vocab_size", (int) words.shape()[0]).put("hidden_size", hidden).put("num_hidden_layers", layers)
                .put("num_attention_heads", options.heads()).put("intermediate_size", intermediate)
                .put("max_position_embeddings", (int) positions.shape()[0])
                .put("type_vocab_size", (int) types.shape()[0]).put("layer_norm_eps", 1e-12)
                .put("hidden_act", "gelu");
        HeedJson.PRETTY.writeValue(out.resolve("config.json").toFile(), hf);
        Files.writeString(out.resolve("README.md"), modelCard(options, layers, hidden, intermediate));

        ModelManifest draft = new ModelManifest(ModelManifest.FORMAT_VERSION, options.name(), "embedding",
                options.description(), List.of(), Map.of("source", "tokenizer.json"),
                Map.of("encoder", new ComponentSpec("bert", encoder)), WEIGHTS, Map.of(), Map.of(),
                new Provenance(HeedVersion.heed(), "unknown", 0, "none", HeedVersion.djl(), HeedVersion.libtorch(), 0,
                        "imported from " + options.source(), Instant.now().toString()));
        return ModelDirectory.seal(out, draft, List.of(WEIGHTS, "tokenizer.json", "config.json", "README.md"));
    }

    private static FloatTensor require(Map<String, FloatTensor> weights, String name) throws IOException {
        FloatTensor t = weights.get(name);
        if (t == null) {
            throw new IOException("the weights have no '" + name + "': not a BERT model? They hold "
                    + weights.keySet().stream().limit(8).toList() + "...");
        }
        return t;
    }

    private static String modelCard(BertImportOptions o, int layers, int hidden, int intermediate) {
        return """
                # %s

                %s

                A BERT encoder of %d layers, hidden size %d, %d heads, feed-forward size %d, with %s pooling,
                imported by Heed from %s. Pretrained weights, not trained by Heed: no dev metrics of Heed's own.
                Heed's `bert` encoder reproduces ONNX Runtime's output on these weights (parity test:
                `BertParityTest`).
                """.formatted(o.name(), o.description(), layers, hidden, o.heads(), intermediate, o.pooling(),
                o.source());
    }
}
