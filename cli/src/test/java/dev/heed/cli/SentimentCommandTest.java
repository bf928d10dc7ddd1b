package dev.heed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.json.HeedJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * train, eval and predict sentiment end to end on a synthetic task written in the test (a sentence is
 * positive when it holds a "good" word), with an attention-pooling textcnn.
 */
class SentimentCommandTest {

    static final String[] GOOD = {"good", "great", "lovely", "superb"};
    static final String[] BAD = {"bad", "awful", "dull", "poor"};
    static final String[] FILLER = {"the", "film", "was", "a", "plot", "and", "it", "very", "actors", "story"};

    @TempDir
    static Path dir;

    static Path model;

    static void write(Path file, int n, long seed) throws Exception {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>(List.of("sentence\tlabel"));
        for (int i = 0; i < n; i++) {
            boolean positive = r.nextBoolean();
            List<String> words = new ArrayList<>();
            for (int k = 0; k < 3 + r.nextInt(6); k++) {
                words.add(FILLER[r.nextInt(FILLER.length)]);
            }
            words.add(r.nextInt(words.size() + 1), positive ? GOOD[r.nextInt(4)] : BAD[r.nextInt(4)]);
            lines.add(String.join(" ", words) + " \t" + (positive ? 1 : 0));
        }
        Files.write(file, lines);
    }

    @BeforeAll
    static void train() throws Exception {
        System.setProperty("heed.home", dir.resolve("home").toString());
        write(dir.resolve("train.tsv"), 600, 1);
        write(dir.resolve("dev.tsv"), 100, 2);
        model = dir.resolve("model");
        CliRun run = CliRun.of("train", "sentiment", "--encoder", "textcnn", "--train", dir.resolve("train.tsv").toString(),
                "--dev", dir.resolve("dev.tsv").toString(), "--out", model.toString(), "--epochs", "4",
                "--batch-size", "16", "--lr", "0.01", "--dropout", "0.1", "--set", "embeddingDim=16", "--set", "maps=8",
                "--set", "attentionPooling=true", "--set", "attentionDim=8", "--weights-dtype", "f16");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("epoch 1: train loss"), run.err());
    }

    @Test
    void trainingWritesAVerifiedModelWithItsCard() throws Exception {
        assertEquals(0, CliRun.of("models", "verify", model.toString()).exitCode());
        String card = Files.readString(model.resolve("README.md"));
        assertTrue(card.contains("heed train sentiment --encoder textcnn"), card);
        assertTrue(card.contains("Dev metrics (100 examples)"), card);
        JsonNode manifest = HeedJson.COMPACT.readTree(model.resolve("model.json").toFile());
        assertEquals("sentiment", manifest.get("task").asText());
        assertTrue(manifest.get("metrics").get("accuracy").asDouble() >= 0.9, manifest.get("metrics").toString());
        assertTrue(manifest.get("provenance").get("dataFingerprint").asText().startsWith("sha256:"));
        assertEquals(dev.heed.tensor.DType.F16, dev.heed.tensor.SafeTensorsFile.open(model.resolve("weights.safetensors"))
                .info("encoder.01embedding_weight").dtype(), "--weights-dtype f16");
    }

    @Test
    void evalReportsAccuracyF1AndConfusion() throws Exception {
        Path report = dir.resolve("report.json");
        CliRun run = CliRun.of("eval", "sentiment", "--model", model.toString(), "--data",
                dir.resolve("dev.tsv").toString(), "--report", report.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = HeedJson.COMPACT.readTree(report.toFile());
        assertTrue(json.get("accuracy").asDouble() >= 0.9, json.toString());
        assertEquals(100, json.get("confusion").get(0).get(0).asLong() + json.get("confusion").get(0).get(1).asLong()
                + json.get("confusion").get(1).get(0).asLong() + json.get("confusion").get(1).get(1).asLong());
        assertTrue(run.out().contains("macro-F1"), run.out());
    }

    @Test
    void predictionsCarryProbabilitiesAndTheAttentionThatDecided() throws Exception {
        Path in = dir.resolve("in.txt");
        Files.writeString(in, String.join("\n", "the film was superb", "a dull plot", "", "   ",
                "Der Film war großartig 👍🏽", "x".repeat(100_000) + " " + "bad ".repeat(30_000)) + "\n");
        Path out = dir.resolve("out.jsonl");
        CliRun run = CliRun.of("sentiment", "--model", model.toString(), "--attention", "-i", in.toString(), "-o",
                out.toString());
        assertEquals(ExitCodes.RECORDS_FAILED, run.exitCode(), run.err());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            lines.add(HeedJson.COMPACT.readTree(line));
        }
        assertEquals(4, lines.size(), "two empty lines are error records, the rest give results");
        assertEquals("positive", lines.get(0).get("label").asText());
        assertEquals("negative", lines.get(1).get("label").asText());
        for (JsonNode line : lines) {
            double sum = line.get("probs").get("negative").asDouble() + line.get("probs").get("positive").asDouble();
            assertEquals(1.0, sum, 1e-5);
            double weights = 0;
            for (JsonNode token : line.get("attention").get("tokens")) {
                weights += token.get("weight").asDouble();
            }
            assertEquals(1.0, weights, 1e-4, "pooling attention over the tokens read sums to 1");
        }
        JsonNode superb = lines.get(0).get("attention").get("tokens").get(3);
        assertEquals("superb", superb.get("text").asText());
        assertEquals("the film was superb".indexOf("superb"), superb.get("start").asInt());
        assertTrue(lines.get(3).get("truncated_tokens").asInt() > 1000, "the long input is cut and says so");
        assertTrue(run.err().contains("read 6, written 4, failed 2, truncated 1"), "and the summary counts it: "
                + run.err());
        List<String> errors = Files.readAllLines(dir.resolve("out.errors.jsonl"));
        assertEquals(2, errors.size());
    }

    @Test
    void anEmojiCutInHalfComesBackAsItWentIn() throws Exception {
        Path in = dir.resolve("cut.jsonl");
        Files.writeString(in, "{\"id\":\"s1\",\"text\":\"cut emoji \\ud83d here, a superb film\"}\n");
        Path out = dir.resolve("cut-out.jsonl");
        CliRun run = CliRun.of("sentiment", "--model", model.toString(), "--attention", "-i", in.toString(), "-o",
                out.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode line = HeedJson.COMPACT.readTree(Files.readString(out));
        assertEquals("cut emoji \ud83d here, a superb film", line.get("text").asText(),
                "kept, not fused with the space");
        assertEquals("positive", line.get("label").asText());
    }

    @Test
    void aLabelledFileKeepsItsGoldLabelAndScoreBesideThePrediction() throws Exception {
        Path jsonl = dir.resolve("gold.jsonl");
        Files.writeString(jsonl, "{\"id\":\"g1\",\"text\":\"it is a charming and often affecting journey .\","
                + "\"label\":\"negative\",\"score\":5}\n");
        Path out = dir.resolve("gold-out.jsonl");
        CliRun run = CliRun.of("sentiment", "-i", jsonl.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode line = HeedJson.COMPACT.readTree(Files.readString(out));
        assertEquals("g1", line.get("id").asText());
        assertEquals("negative", line.get("label").asText(), "the gold label is the user's, unchanged");
        assertEquals(5, line.get("score").asInt(), "the user's score, unchanged");
        assertEquals("positive", line.get("predicted_label").asText());
        assertTrue(line.get("predicted_score").asDouble() > 0.5, line.toString());
        assertTrue(line.has("probs"), "no clash: the prediction's own name");
        assertTrue(run.err().contains("predicted_label"), "the summary says where the predictions went: " + run.err());

        Path tsv = dir.resolve("sst2-dev.tsv");
        Files.writeString(tsv, "sentence\tlabel\nit 's a charming and often affecting journey . \t1\n"
                + "unflinchingly bleak and desperate \t0\n");
        Path tsvOut = dir.resolve("sst2-out.jsonl");
        run = CliRun.of("sentiment", "-i", tsv.toString(), "--text-field", "sentence", "-o", tsvOut.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(tsvOut);
        assertEquals("1", HeedJson.COMPACT.readTree(lines.get(0)).get("label").asText(), "SST-2's gold label is kept");
        assertEquals("0", HeedJson.COMPACT.readTree(lines.get(1)).get("label").asText());
        assertEquals("negative", HeedJson.COMPACT.readTree(lines.get(1)).get("predicted_label").asText());
    }

    @Test
    void aTextWithNoWordsIsAnErrorRecordNotAConfidentAnswer() throws Exception {
        Path in = dir.resolve("invisible.txt");
        Files.writeString(in, "\u200B\n\u2063\na gorgeous, witty film\n\u200B\u2063\u200B\n");
        Path out = dir.resolve("invisible-out.jsonl");
        for (String model : List.of("sst2", SentimentCommandTest.model.toString())) {
            CliRun run = CliRun.of("sentiment", "--model", model, "--batch-size", "4", "-i", in.toString(), "-o",
                    out.toString());
            assertEquals(ExitCodes.RECORDS_FAILED, run.exitCode(), run.err());
            List<String> lines = Files.readAllLines(out);
            assertEquals(1, lines.size(), model + ": only the line with words is answered");
            assertEquals("3", HeedJson.COMPACT.readTree(lines.get(0)).get("id").asText());
            List<JsonNode> errors = new ArrayList<>();
            for (String e : Files.readAllLines(dir.resolve("invisible-out.errors.jsonl"))) {
                errors.add(HeedJson.COMPACT.readTree(e));
            }
            assertEquals(List.of("no_tokens", "no_tokens", "no_tokens"), errors.stream().map(e -> e.get("kind").asText())
                    .toList(), model);
            assertEquals(List.of(1L, 2L, 4L), errors.stream().map(e -> e.get("line").asLong()).toList());
            assertTrue(errors.get(0).get("reason").asText().contains("U+200B"), errors.get(0).toString());
        }
    }

    @Test
    void theAttentionThatDecidedIsExportedInEveryFormat() throws Exception {
        Path in = dir.resolve("export-in.txt");
        Files.writeString(in, "the film was superb\n\na dull plot\n");
        Path out = dir.resolve("export-out.jsonl");
        Path attention = dir.resolve("attention");
        CliRun run = CliRun.of("sentiment", "--model", model.toString(), "-i", in.toString(), "-o", out.toString(),
                "--attention-out", attention.toString(), "--attention-format", "json,pharaoh,npz,png,html,html-files");
        assertEquals(ExitCodes.RECORDS_FAILED, run.exitCode(), run.err());
        assertEquals(List.of("1", "3"), Files.readAllLines(attention.resolve("alignment.ids")),
                "the empty line is an error record and has no alignment");
        List<String> json = Files.readAllLines(attention.resolve("attention.jsonl"));
        assertEquals(2, json.size());
        dev.heed.alignment.Alignment first = dev.heed.alignment.AlignmentJson.fromJson(HeedJson.COMPACT.readTree(json.get(0)));
        assertEquals(dev.heed.alignment.AlignmentKind.POOLING, first.kind());
        assertEquals("positive", first.target(), "the row stands for the predicted label");
        assertEquals("superb", first.sourceTokens().get(3).text());
        assertEquals(List.of("3-0", "1-0"), Files.readAllLines(attention.resolve("alignment.pharaoh")),
                "the label's strongest word: superb, dull");
        for (String ext : List.of("npz", "png", "html")) {
            assertTrue(Files.size(attention.resolve("1." + ext)) > 0, ext);
            assertTrue(Files.size(attention.resolve("3." + ext)) > 0, ext);
        }
        String viewer = Files.readString(attention.resolve("attention.html"));
        assertEquals(2, viewer.split("class=\"heed-record\"", -1).length - 1, "one viewer holds both records");
        assertTrue(!run.out().contains("\"attention\""), "without --attention the output lines stay lean");
    }

    @Test
    void attentionFromAModelThatDoesNotPoolByAttentionIsRefusedWithTheReason() throws Exception {
        Path maxPooling = dir.resolve("max-pooling");
        Files.createDirectories(maxPooling);
        try (var files = Files.list(model)) {
            for (Path f : files.toList()) {
                Files.copy(f, maxPooling.resolve(f.getFileName()));
            }
        }
        Path manifest = maxPooling.resolve("model.json");
        String json = Files.readString(manifest);
        assertTrue(json.contains("\"attentionPooling\" : true"), json);
        Files.writeString(manifest, json.replace("\"attentionPooling\" : true", "\"attentionPooling\" : false"));
        Path in = dir.resolve("max-in.txt");
        Files.writeString(in, "the film was superb\n");
        CliRun run = CliRun.of("sentiment", "--model", maxPooling.toString(), "--attention", "-i", in.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("--attention adds the pooling attention, and the textcnn encoder of model does"
                + " not pool by attention"), run.err());
        assertTrue(run.err().contains("attentionPooling=true"), "what to do: " + run.err());
        assertEquals("", run.out(), "no silent lines without the attention asked for");
        assertEquals(0, CliRun.of("sentiment", "--model", maxPooling.toString(), "-i", in.toString(), "-q")
                .exitCode(), "the model itself works");
    }

    @Test
    void aWorkerCountThatIsNeitherPositiveNorAutoIsAUsageError() throws Exception {
        Path in = dir.resolve("workers-bad.txt");
        Files.writeString(in, "fine\n");
        for (String bad : List.of("0", "many")) {
            CliRun run = CliRun.of("sentiment", "--model", model.toString(), "--threads", bad, "-i", in.toString());
            assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
            assertTrue(run.err().contains("--threads"), run.err());
        }
    }

    @Test
    void anUnknownAttentionFormatIsAUsageErrorThatListsTheFormats() {
        CliRun run = CliRun.of("sentiment", "--model", model.toString(), "--attention-out",
                dir.resolve("x").toString(), "--attention-format", "json,svg");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("pharaoh"), run.err());
    }

    @Test
    void theShippedDefaultModelAnswersOutOfTheBox() throws Exception {
        Path in = dir.resolve("default-in.txt");
        Files.writeString(in, "a gorgeous, witty film\na dull, lifeless and tedious mess\n");
        Path out = dir.resolve("default-out.jsonl");
        CliRun run = CliRun.of("sentiment", "-i", in.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("positive", HeedJson.COMPACT.readTree(lines.get(0)).get("label").asText());
        assertEquals("negative", HeedJson.COMPACT.readTree(lines.get(1)).get("label").asText());
        CliRun list = CliRun.of("models", "list");
        assertTrue(list.out().contains("sst2"), list.out());
        assertEquals(0, CliRun.of("models", "info", "sst2").exitCode(), "resolved and verified by name");
    }
}
