package dev.heed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.json.HeedJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code heed train summarization --encoder-init}: a few updates over the pretrained all-MiniLM-L6-v2 (frozen) on
 * the copy task of {@link SummarizeCommandTest}, then {@code heed summarize --model DIR} and {@code heed eval
 * summarization --model DIR} read the directory it wrote.
 */
class TrainSummarizationEncoderInitTest {

    @TempDir
    Path dir;

    @Test
    void trainsOverAPretrainedEncoderAndTheOtherCommandsReadTheModel() throws Exception {
        SummarizeCommandTest.write(dir.resolve("train.jsonl"), 48, 1, true);
        SummarizeCommandTest.write(dir.resolve("dev.jsonl"), 4, 2, false);
        Path model = dir.resolve("bertsum");
        CliRun run = CliRun.of("train", "summarization", "--train", dir.resolve("train.jsonl").toString(), "--dev",
                dir.resolve("dev.jsonl").toString(), "--out", model.toString(), "--encoder-init", "all-minilm-l6-v2",
                "--freeze-encoder", "--freeze-decoder-embeddings", "--set-decoder", "layers=1", "--set-decoder", "ffnDim=128", "--set-decoder",
                "maxLength=16", "--max-train-tokens", "16", "--max-source-tokens", "32", "--epochs", "2",
                "--batch-size", "16", "--lr", "0.001", "--warmup", "3", "--weights-dtype", "f16");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("frozen") && run.err().contains("wordpiece"), run.err());
        JsonNode manifest = HeedJson.COMPACT.readTree(model.resolve("model.json").toFile());
        JsonNode vectorizer = manifest.get("components").get("vectorizer");
        assertEquals("wordpiece", vectorizer.get("name").asText());
        assertEquals("all-minilm-l6-v2", vectorizer.get("config").get("pretrainedEncoder").asText());
        assertEquals("bert", manifest.get("components").get("encoder").get("name").asText());
        assertTrue(manifest.get("components").get("decoder").get("config").get("copy").asBoolean());
        String card = Files.readString(model.resolve("README.md"));
        assertTrue(card.contains("pretrained encoder all-minilm-l6-v2") && card.contains("embeddings fixed to the"
                + " encoder's"), card);

        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"id\":\"a\",\"text\":\"the report is ready,"
                + " please call Kazori about it.\"}\n");
        Path out = dir.resolve("out.jsonl");
        CliRun summarize = CliRun.of("summarize", "--model", model.toString(), "--input", in.toString(), "--output",
                out.toString());
        assertEquals(0, summarize.exitCode(), summarize.err());
        assertEquals("a", HeedJson.COMPACT.readTree(Files.readString(out).strip()).get("id").asText());

        CliRun eval = CliRun.of("eval", "summarization", "--model", model.toString(), "--data",
                dir.resolve("dev.jsonl").toString());
        assertEquals(0, eval.exitCode(), eval.err());
        assertTrue(eval.out().contains("LEAD-1"), eval.out());
    }

    /** --init with --encoder-init continues a model of that pretrained encoder; another model is refused. */
    @Test
    void continuingAModelOfAnotherEncoderOverAPretrainedOneIsRefused() throws Exception {
        SummarizeCommandTest.write(dir.resolve("train.jsonl"), 16, 1, true);
        SummarizeCommandTest.write(dir.resolve("dev.jsonl"), 2, 2, false);
        CliRun run = CliRun.of("train", "summarization", "--train", dir.resolve("train.jsonl").toString(), "--dev",
                dir.resolve("dev.jsonl").toString(), "--out", dir.resolve("x").toString(), "--init",
                "aeslc-pointer-generator", "--encoder-init", "all-minilm-l6-v2", "--encoder-lr", "0.00005");
        assertTrue(run.exitCode() != 0, run.err());
        assertTrue(run.err().contains("was not trained on the pretrained encoder all-minilm-l6-v2"), run.err());
    }

    @Test
    void fixedDecoderEmbeddingsWithoutAPretrainedEncoderAreAUsageError() {
        CliRun run = CliRun.of("train", "summarization", "--train", "t.jsonl", "--dev", "d.jsonl", "--out",
                dir.resolve("x").toString(), "--freeze-decoder-embeddings");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--freeze-decoder-embeddings needs --encoder-init"), run.err());
    }
}
