package dev.heed.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heed.tensor.DType;
import dev.heed.tensor.SafeTensorsWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {

    @TempDir
    Path dir;

    static ModelManifest draft() {
        return new ModelManifest(ModelManifest.FORMAT_VERSION, "toy", "sentiment", "a toy model",
                List.of("negative", "positive"), Map.of("source", "tokenizer.json"),
                Map.of("encoder", new ComponentSpec("textcnn", Map.of("widths", List.of(3, 4, 5)))),
                "weights.safetensors", Map.of(), Map.of("accuracy", 0.5),
                new Provenance("0.1.0", "abc", 42, "none", "0.35.1", "2.7.1", 1.5, "heed train ...",
                        "2026-11-21T00:00:00Z"));
    }

    @BeforeEach
    void writeModel() throws Exception {
        Files.writeString(dir.resolve("tokenizer.json"), "{\"version\":\"1.0\"}");
        Files.writeString(dir.resolve("README.md"), "# toy\n");
        new SafeTensorsWriter().addFloats("w", DType.F32, new long[] {4}, new float[] {1, 2, 3, 4})
                .write(dir.resolve("weights.safetensors"));
        ModelDirectory.seal(dir, draft(), List.of("tokenizer.json", "weights.safetensors", "README.md"));
    }

    @Test
    void sealedDirectoryOpensWithItsManifest() throws Exception {
        ModelDirectory model = ModelDirectory.open(dir);
        assertEquals("toy", model.manifest().name());
        assertEquals(List.of("negative", "positive"), model.manifest().labels());
        assertEquals(List.of(3, 4, 5), model.manifest().components().get("encoder").config().get("widths"));
        assertEquals(Files.size(dir.resolve("weights.safetensors")),
                model.manifest().files().get("weights.safetensors").size());
        assertEquals(42, model.manifest().provenance().seed());
    }

    @Test
    void writtenFilesAreReadableByOthersLikeOrdinaryFiles() throws IOException {
        for (String f : List.of("model.json", "weights.safetensors")) {
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve(f))), f);
        }
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Files.delete(dir.resolve("tokenizer.json"));
        ModelFileMissingException e = assertThrows(ModelFileMissingException.class, () -> ModelDirectory.open(dir));
        assertTrue(e.getMessage().contains("tokenizer.json") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void truncatedFileIsNamed() throws IOException {
        Path weights = dir.resolve("weights.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length - 4));
        ModelFileCorruptException e = assertThrows(ModelFileCorruptException.class, () -> ModelDirectory.open(dir));
        assertTrue(e.getMessage().contains("weights.safetensors") && e.getMessage().contains("truncated"),
                e.getMessage());
    }

    @Test
    void alteredFileIsNamed() throws IOException {
        Files.writeString(dir.resolve("README.md"), "# tod\n", StandardCharsets.UTF_8);
        ModelFileCorruptException e = assertThrows(ModelFileCorruptException.class, () -> ModelDirectory.open(dir));
        assertTrue(e.getMessage().contains("README.md") && e.getMessage().contains("altered"), e.getMessage());
    }

    @Test
    void missingManifestSaysWhatADirectoryNeeds() {
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> ModelDirectory.open(dir.resolve("elsewhere")));
        assertTrue(e.getMessage().contains("model.json"), e.getMessage());
    }

    @Test
    void newerFormatAndUnknownFieldsAreRefused() throws IOException {
        Path manifest = dir.resolve("model.json");
        String json = Files.readString(manifest);
        Files.writeString(manifest, json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 9"));
        assertTrue(assertThrows(ModelManifestException.class, () -> ModelDirectory.open(dir)).getMessage()
                .contains("upgrade Heed"));
        Files.writeString(manifest, json.replace("\"task\"", "\"surprise\" : 1, \"task\""));
        assertTrue(assertThrows(ModelManifestException.class, () -> ModelDirectory.open(dir)).getMessage()
                .contains("surprise"));
    }

    @Test
    void weightsMustBeListed() throws Exception {
        ModelManifest unlisted = draft();
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("tokenizer.json"), "{}");
        ModelManifestException e = assertThrows(ModelManifestException.class,
                () -> ModelDirectory.seal(other, unlisted, List.of("tokenizer.json")));
        assertTrue(e.getMessage().contains("weights.safetensors"), e.getMessage());
    }
}
