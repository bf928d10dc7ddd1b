package dev.heed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.json.HeedJson;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** heed embed, heed encoders and heed models import on the real MiniLM weights from the classpath. */
class EmbedCommandTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void home() {
        System.setProperty("heed.home", dir.resolve("home").toString());
    }

    private static List<JsonNode> read(Path file) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(HeedJson.COMPACT.readTree(line));
        }
        return nodes;
    }

    @Test
    void embedWritesUnitVectorsAndCountsTruncationAndRejection() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"text\":\"A gorgeous, witty film.\"}\n"
                + "{\"id\":\"b\",\"text\":\"" + "long ".repeat(600) + "\"}\n{\"id\":\"c\",\"text\":\"\"}\n");
        Path out = dir.resolve("out.jsonl");
        CliRun run = CliRun.of("embed", "-i", in.toString(), "-o", out.toString(), "--device", "cpu");
        assertEquals(ExitCodes.RECORDS_FAILED, run.exitCode(), run.err());
        assertTrue(run.err().contains("read 3, written 2, failed 1, truncated 1"), run.err());
        assertTrue(run.err().contains("1 records were cut to fit the model"), run.err());
        List<JsonNode> lines = read(out);
        assertEquals(2, lines.size());
        double norm = 0;
        for (JsonNode x : lines.get(0).get("vector")) {
            norm += x.asDouble() * x.asDouble();
        }
        assertEquals(384, lines.get(0).get("vector").size());
        assertEquals(1.0, norm, 1e-4);
        assertTrue(lines.get(1).get("truncated_tokens").asInt() > 80);

        Path strict = dir.resolve("strict.jsonl");
        CliRun rejecting = CliRun.of("embed", "-i", in.toString(), "-o", strict.toString(), "--long-input", "reject",
                "-q");
        assertEquals(ExitCodes.RECORDS_FAILED, rejecting.exitCode());
        List<String> kinds = read(dir.resolve("strict.errors.jsonl")).stream().map(n -> n.get("kind").asText()).toList();
        assertEquals(List.of("too_long", "empty_text"), kinds);
        JsonNode tooLong = read(dir.resolve("strict.errors.jsonl")).get(0);
        assertEquals("b", tooLong.get("id").asText());
        String reason = tooLong.get("reason").asText();
        assertTrue(reason.contains("--long-input truncate"), "the fix: " + reason);
        assertTrue(!reason.contains("text 0"), "the place in the batch is neither the line nor the id: " + reason);
    }

    @Test
    void aSentimentModelWhoseEncoderPoolsEmbedsWithItsOwnWeightsAndWords() throws Exception {
        Path in = dir.resolve("sentiment-in.txt");
        Files.writeString(in, "A gorgeous, witty film.\nDull and lifeless.\n");
        Path out = dir.resolve("sentiment-out.jsonl");
        CliRun run = CliRun.of("embed", "--model", "sst2", "-i", in.toString(), "-o", out.toString(), "-q");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<JsonNode> lines = read(out);
        assertEquals(2, lines.size());
        assertEquals(192, lines.get(0).get("vector").size(), "sst2: 2 x 96 GRU states");
        double dot = 0;
        for (int k = 0; k < 192; k++) {
            dot += lines.get(0).get("vector").get(k).asDouble() * lines.get(1).get("vector").get(k).asDouble();
        }
        assertTrue(dot < 0.99, "two texts give two vectors, not the <unk> vector twice: cosine " + dot);
    }

    @Test
    void anInputVectorIsKeptAndTheEmbeddingGoesBesideIt() throws Exception {
        Path in = dir.resolve("vectors.jsonl");
        Files.writeString(in, "{\"id\":\"v\",\"text\":\"A man eats.\",\"vector\":[0.5,0.5]}\n");
        Path out = dir.resolve("vectors-out.jsonl");
        CliRun run = CliRun.of("embed", "-i", in.toString(), "-o", out.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode line = read(out).get(0);
        assertEquals("[0.5,0.5]", line.get("vector").toString(), "the input's own vector");
        assertEquals(384, line.get("predicted_vector").size());
    }

    @Test
    void aTextWithNoTokensIsAnErrorRecordNotAVector() throws Exception {
        Path in = dir.resolve("invisible.txt");
        Files.writeString(in, "\u200B\nA man eats.\n\u2063\n");
        Path out = dir.resolve("invisible-out.jsonl");
        CliRun run = CliRun.of("embed", "-i", in.toString(), "-o", out.toString(), "-q");
        assertEquals(ExitCodes.RECORDS_FAILED, run.exitCode(), run.err());
        assertEquals(List.of("2"), read(out).stream().map(n -> n.get("id").asText()).toList());
        assertEquals(List.of("no_tokens", "no_tokens"), read(dir.resolve("invisible-out.errors.jsonl")).stream()
                .map(n -> n.get("kind").asText()).toList());
    }

    @Test
    void twoWorkersGiveTheVectorsOneDoesInInputOrderAndLeaveLibtorchsThreadsAsTheyWere() throws Exception {
        Path in = dir.resolve("workers.txt");
        List<String> texts = List.of("A gorgeous, witty film.", "Dull.", "The plot was thin but the actors carried it.",
                "Ein Film über Köln, 1999.", "Worth it.", "Nothing happens for two hours, and then it ends.");
        Files.write(in, texts);
        ai.djl.engine.Engine.getEngine("PyTorch");
        int threadsBefore = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        Path one = dir.resolve("one-worker.jsonl");
        Path two = dir.resolve("two-workers.jsonl");
        assertEquals(ExitCodes.OK, CliRun.of("embed", "-i", in.toString(), "-o", one.toString(), "--batch-size", "1",
                "--threads", "1", "-q").exitCode());
        CliRun shared = CliRun.of("embed", "-i", in.toString(), "-o", two.toString(), "--batch-size", "1",
                "--threads", "2", "-q");
        assertEquals(ExitCodes.OK, shared.exitCode(), shared.err());
        assertEquals(threadsBefore, ai.djl.pytorch.jni.JniUtils.getNumThreads(), "the run gives the threads back");
        List<JsonNode> a = read(one);
        List<JsonNode> b = read(two);
        assertEquals(texts.size(), b.size());
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(String.valueOf(i + 1), b.get(i).get("id").asText());
            for (int k = 0; k < 384; k++) {
                assertEquals(a.get(i).get("vector").get(k).asDouble(), b.get(i).get("vector").get(k).asDouble(), 1e-5,
                        "record " + (i + 1) + " dimension " + k);
            }
        }
    }

    @Test
    void importedOnnxDirectoryIsAHeedModelThatEmbeds() throws Exception {
        Path onnx = dir.resolve("m.onnx");
        Path tokenizer = dir.resolve("tokenizer.json");
        for (String[] r : new String[][] {{"all-minilm-l6-v2.onnx", onnx.toString()},
                {"all-minilm-l6-v2-tokenizer.json", tokenizer.toString()}}) {
            try (InputStream s = getClass().getClassLoader().getResourceAsStream(r[0])) {
                Files.copy(s, Path.of(r[1]));
            }
        }
        Path model = dir.resolve("minilm");
        CliRun imported = CliRun.of("models", "import", "onnx", onnx.toString(), "--tokenizer", tokenizer.toString(),
                "--out", model.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        for (String f : new String[] {"config.json", "model.safetensors", "tokenizer.json", "model.json", "README.md"}) {
            assertTrue(Files.exists(model.resolve(f)), f);
        }
        assertEquals(0, CliRun.of("models", "verify", model.toString()).exitCode());
        Path in = dir.resolve("one.txt");
        Files.writeString(in, "hello world\n");
        CliRun run = CliRun.of("embed", "--model", model.toString(), "-i", in.toString(), "-o",
                dir.resolve("one.jsonl").toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void encodersAreListedAndDescribed() {
        CliRun list = CliRun.of("encoders", "list");
        for (String name : new String[] {"textcnn", "bigru", "transformer", "bert"}) {
            assertTrue(list.out().contains(name), list.out());
        }
        CliRun describe = CliRun.of("encoders", "describe", "textcnn");
        assertEquals(0, describe.exitCode());
        assertTrue(describe.out().contains("\"widths\" : [ 3, 4, 5 ]"), describe.out());
        assertTrue(describe.out().contains("POOLED_STATE"), describe.out());
        assertTrue(describe.out().contains("with attentionPooling=true (--set attentionPooling=true), also:"
                + " [POOLING_ATTENTION_WEIGHTS]"), "the README's pooling attention is an option: " + describe.out());
        assertEquals(ExitCodes.USAGE, CliRun.of("encoders", "describe", "lstm").exitCode());
    }

    @Test
    void theEncodersSelfAttentionIsExportedWithSubwordsAndTheirWords() throws Exception {
        Path in = dir.resolve("attention-in.txt");
        Files.writeString(in, "Unbelievably good.\nA man eats.\n");
        Path attention = dir.resolve("attention");
        CliRun run = CliRun.of("embed", "-i", in.toString(), "-o", dir.resolve("attention-out.jsonl").toString(),
                "--attention-out", attention.toString(), "--attention-format", "json,pharaoh");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(attention.resolve("attention.jsonl"));
        assertEquals(2, lines.size());
        dev.heed.alignment.Alignment a = dev.heed.alignment.AlignmentJson.fromJson(
                dev.heed.json.HeedJson.COMPACT.readTree(lines.get(0)));
        assertEquals(dev.heed.alignment.AlignmentKind.SELF_ATTENTION, a.kind());
        assertEquals(6, a.layers(), "all-MiniLM-L6-v2: 6 layers");
        assertEquals(12, a.heads());
        assertEquals("[CLS]", a.sourceTokens().get(0).text());
        assertTrue(a.sourceTokens().get(0).special());
        dev.heed.alignment.WordAlignment words = dev.heed.alignment.WordAlignment.of(a, 5, -1);
        assertEquals(List.of("Unbelievably", "good", "."), words.sourceWords(),
                "subword pieces of one word join back into it by their spans");
        assertEquals(2, Files.readAllLines(attention.resolve("alignment.pharaoh")).size());
    }
}
