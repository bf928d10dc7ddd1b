package dev.heed.models.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.json.HeedJson;
import dev.heed.model.ModelDirectory;
import dev.heed.tensor.DType;
import dev.heed.tensor.SafeTensorsFile;
import dev.heed.tensor.SafeTensorsWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** all-MiniLM-L6-v2's ONNX file from the classpath, imported, then re-imported as a HuggingFace directory. */
class BertImporterTest {

    @TempDir
    static Path dir;

    static ModelDirectory fromOnnx;

    @BeforeAll
    static void importOnnx() throws Exception {
        Path onnx = copy("all-minilm-l6-v2.onnx");
        Path tokenizer = copy("all-minilm-l6-v2-tokenizer.json");
        fromOnnx = BertImporter.fromOnnx(onnx, tokenizer,
                new BertImportOptions("minilm", "test", 12, "mean", "test"), dir.resolve("onnx-import"));
    }

    private static Path copy(String resource) throws IOException {
        Path to = dir.resolve(resource);
        try (InputStream in = BertImporterTest.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, to);
        }
        return to;
    }

    @Test
    void onnxImportWritesAHuggingFaceAndHeedDirectory() throws Exception {
        Map<String, Object> encoder = fromOnnx.manifest().components().get("encoder").config();
        assertEquals("bert", fromOnnx.manifest().components().get("encoder").name());
        assertEquals(6, encoder.get("layers"));
        assertEquals(384, encoder.get("hiddenSize"));
        assertEquals(1536, encoder.get("intermediateSize"));
        JsonNode config = HeedJson.COMPACT.readTree(fromOnnx.resolve("config.json").toFile());
        assertEquals(12, config.get("num_attention_heads").asInt());
        SafeTensorsFile weights = SafeTensorsFile.open(fromOnnx.resolve(BertImporter.WEIGHTS));
        assertEquals(101, weights.names().size());
        assertArrayEquals(new long[] {1536, 384},
                weights.info("encoder.layer.5.intermediate.dense.weight").shape(), "PyTorch's (out, in)");
    }

    @Test
    void huggingFaceDirectoryWithPrefixAndBuffersImportsTheSameWeights() throws Exception {
        Path hf = dir.resolve("hf");
        Files.createDirectories(hf);
        SafeTensorsFile source = SafeTensorsFile.open(fromOnnx.resolve(BertImporter.WEIGHTS));
        SafeTensorsWriter writer = new SafeTensorsWriter();
        for (String name : source.names()) {
            writer.addFloats("bert." + name, DType.F32, source.info(name).shape(), source.floats(name));
        }
        writer.addLongs("bert.embeddings.position_ids", new long[] {1, 3}, new long[] {0, 1, 2});
        writer.write(hf.resolve("model.safetensors"));
        Files.copy(fromOnnx.resolve("config.json"), hf.resolve("config.json"));
        Files.copy(fromOnnx.resolve("tokenizer.json"), hf.resolve("tokenizer.json"));

        ModelDirectory imported = BertImporter.fromHuggingFace(hf,
                new BertImportOptions("minilm-hf", "test", 1, "cls", "hf test"), dir.resolve("hf-import"));
        assertEquals(12, imported.manifest().components().get("encoder").config().get("heads"), "from config.json");
        SafeTensorsFile again = SafeTensorsFile.open(imported.resolve(BertImporter.WEIGHTS));
        assertEquals(source.names(), again.names());
        assertArrayEquals(source.floats("embeddings.word_embeddings.weight"),
                again.floats("embeddings.word_embeddings.weight"));
    }

    @Test
    void weightsThatAreNotBertAreRefusedByName() throws Exception {
        Path hf = dir.resolve("not-bert");
        Files.createDirectories(hf);
        new SafeTensorsWriter().addFloats("decoder.weight", DType.F32, new long[] {2}, new float[2])
                .write(hf.resolve("model.safetensors"));
        Files.writeString(hf.resolve("config.json"), "{}");
        IOException e = assertThrows(IOException.class, () -> BertImporter.fromHuggingFace(hf,
                new BertImportOptions("x", "x", 12, "mean", "x"), dir.resolve("x")));
        assertTrue(e.getMessage().contains("embeddings.word_embeddings.weight"), e.getMessage());
    }
}
