package dev.heed.cli;

import dev.heed.tasks.seq2seq.SubwordCodec;

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
 * train, eval and translate end to end on a synthetic language pair written in the test: each source word has
 * one target word, in the same order, so a small GRU with additive attention learns it in seconds and its
 * alignment must put each word on its translation.
 */
class TranslateCommandTest {

    static final String[] SOURCE = {"the", "red", "blue", "cat", "dog", "sees", "eats", "big", "small", "fish", "bird",
        "runs"};
    static final String[] TARGET = {"die", "rote", "blaue", "katze", "hund", "sieht", "frisst", "grosse", "kleine",
        "fisch", "vogel", "rennt"};

    @TempDir
    static Path dir;

    static Path model;

    static void write(Path prefix, int n, long seed) throws Exception {
        Random r = new Random(seed);
        List<String> src = new ArrayList<>();
        List<String> tgt = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> s = new ArrayList<>();
            List<String> t = new ArrayList<>();
            for (int k = 0; k < 2 + r.nextInt(4); k++) {
                int w = r.nextInt(SOURCE.length);
                s.add(SOURCE[w]);
                t.add(TARGET[w]);
            }
            src.add(String.join(" ", s) + ".");
            tgt.add(String.join(" ", t) + ".");
        }
        Files.write(Path.of(prefix + ".en"), src);
        Files.write(Path.of(prefix + ".de"), tgt);
    }

    @BeforeAll
    static void train() throws Exception {
        System.setProperty("heed.home", dir.resolve("home").toString());
        write(dir.resolve("train"), 800, 1);
        write(dir.resolve("dev"), 50, 2);
        model = dir.resolve("model");
        CliRun run = CliRun.of("train", "translation", "--encoder", "bigru", "--decoder", "gru", "--attention",
                "additive", "--train", dir.resolve("train").toString(), "--dev", dir.resolve("dev").toString(),
                "--languages", "en-de", "--out", model.toString(), "--vocab-size", "300", "--epochs", "8",
                "--batch-size", "16", "--lr", "0.01", "--warmup", "30", "--set", "embeddingDim=24", "--set",
                "hiddenSize=24", "--set-decoder", "embeddingDim=24", "--set-decoder", "attentionDim=24",
                "--set-decoder", "dropout=0", "--weights-dtype", "f16");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("epoch 1: train loss"), run.err());
    }

    @Test
    void trainingWritesAVerifiedModelThatLearnedTheLanguage() throws Exception {
        assertEquals(0, CliRun.of("models", "verify", model.toString()).exitCode());
        String card = Files.readString(model.resolve("README.md"));
        assertTrue(card.contains("heed train translation --encoder bigru --decoder gru --attention additive"), card);
        JsonNode manifest = HeedJson.COMPACT.readTree(model.resolve("model.json").toFile());
        assertEquals("translation", manifest.get("task").asText());
        assertEquals("additive", manifest.get("components").get("decoder").get("config").get("attention").asText());
        assertTrue(manifest.get("metrics").get("bleu").asDouble() > 60, manifest.get("metrics").toString());
    }

    @Test
    void evalReportsBleuChrfAndTheirSignatures() throws Exception {
        Path report = dir.resolve("report.json");
        CliRun run = CliRun.of("eval", "translation", "--model", model.toString(), "--data",
                dir.resolve("dev").toString(), "--beam", "3", "--report", report.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = HeedJson.COMPACT.readTree(report.toFile());
        assertEquals("en-de", json.get("languages").asText(), "the model's languages by default");
        assertTrue(json.get("bleu").get("score").asDouble() > 60, json.toString());
        assertTrue(json.get("chrf").get("score").asDouble() > 60, json.toString());
        assertEquals("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0",
                json.get("bleu").get("signature").asText());
        assertTrue(run.out().contains("signature chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no"), run.out());
    }

    @Test
    void translationsNBestAndBadInputNeverCrash() throws Exception {
        Path in = dir.resolve("in.txt");
        Files.writeString(in, String.join("\n", "the red cat sees the fish.", "", "?!.", "zebra quokka </s> ünïcödé 👍🏽",
                "the dog runs. the bird eats fish.", "the cat. ".repeat(2_500).strip()) + "\n");
        Path out = dir.resolve("out.jsonl");
        CliRun run = CliRun.of("translate", "--model", model.toString(), "--beam", "3", "--n-best", "2", "-i",
                in.toString(), "-o", out.toString());
        assertEquals(ExitCodes.RECORDS_FAILED, run.exitCode(), run.err());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            lines.add(HeedJson.COMPACT.readTree(line));
        }
        assertEquals(5, lines.size(), "the empty line is an error record, every other line is translated");
        assertEquals("die rote katze sieht die fisch.", lines.get(0).get("translation").asText());
        assertEquals(2, lines.get(0).get("nbest").size());
        assertTrue(lines.get(0).get("nbest").get(0).get("score").asDouble()
                >= lines.get(0).get("nbest").get(1).get("score").asDouble());
        assertEquals("hund rennt. die vogel frisst fisch.", lines.get(3).get("translation").asText()
                .replaceFirst("^die ", ""), "two sentences translated one by one and joined");
        JsonNode twoSentences = lines.get(3).get("nbest");
        assertEquals(2, twoSentences.size(), "--n-best 2 for a record of two sentences too: " + twoSentences);
        assertEquals(lines.get(3).get("translation").asText(), twoSentences.get(0).get("translation").asText());
        assertEquals(lines.get(3).get("score").asDouble(), twoSentences.get(0).get("score").asDouble(), 1e-9);
        assertTrue(twoSentences.get(0).get("score").asDouble() >= twoSentences.get(1).get("score").asDouble());
        assertTrue(!twoSentences.get(0).get("translation").asText().equals(
                twoSentences.get(1).get("translation").asText()), twoSentences.toString());
        assertEquals(2, lines.get(4).get("nbest").size(), "2,500 sentences: still the 2 best combinations");
        assertEquals(2_500, lines.get(4).get("translation").asText().split("\\.").length,
                "5,000 words of short sentences: every sentence translated, none dropped");
        List<String> errors = Files.readAllLines(dir.resolve("out.errors.jsonl"));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("empty_text"), errors.get(0));
    }

    @Test
    void aReferenceTranslationInTheInputIsKeptBesideTheModels() throws Exception {
        Path in = dir.resolve("references.jsonl");
        Files.writeString(in, "{\"id\":\"r1\",\"text\":\"the red cat sees the fish.\","
                + "\"translation\":\"die rote katze sieht den fisch.\",\"score\":0.9}\n");
        Path out = dir.resolve("references-out.jsonl");
        CliRun run = CliRun.of("translate", "--model", model.toString(), "--beam", "1", "-i", in.toString(), "-o",
                out.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode line = HeedJson.COMPACT.readTree(Files.readString(out));
        assertEquals("die rote katze sieht den fisch.", line.get("translation").asText(), "the reference, unchanged");
        assertEquals(0.9, line.get("score").asDouble());
        assertEquals("die rote katze sieht die fisch.", line.get("predicted_translation").asText());
        assertTrue(line.get("predicted_score").isNumber());
    }

    @Test
    void aTextWithNoWordsIsAnErrorRecordNotATranslation() throws Exception {
        Path in = dir.resolve("invisible.txt");
        Files.writeString(in, "\u200B\nthe dog runs.\n\u2063\n");
        Path out = dir.resolve("invisible-out.jsonl");
        CliRun run = CliRun.of("translate", "--model", model.toString(), "--beam", "1", "-i", in.toString(), "-o",
                out.toString(), "-q");
        assertEquals(ExitCodes.RECORDS_FAILED, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(1, lines.size());
        assertEquals("2", HeedJson.COMPACT.readTree(lines.get(0)).get("id").asText());
        String errors = Files.readString(dir.resolve("invisible-out.errors.jsonl"));
        assertEquals(2, errors.split("no_tokens", -1).length - 1, errors);
    }

    @Test
    void aTranslationCutAtTheLengthLimitSaysSoAndIsCounted() throws Exception {
        Path in = dir.resolve("limit.txt");
        Files.writeString(in, "the red cat sees the fish and the big dog eats the small bird.\nthe dog.\n");
        Path out = dir.resolve("limit-out.jsonl");
        CliRun run = CliRun.of("translate", "--model", model.toString(), "--beam", "1", "--max-length", "8", "-i",
                in.toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(HeedJson.COMPACT.readTree(lines.get(0)).get("truncated").asBoolean(), lines.get(0));
        assertTrue(!HeedJson.COMPACT.readTree(lines.get(1)).has("truncated"), "a translation that ended: " + lines.get(1));
        assertTrue(run.err().contains("read 2, written 2, failed 0, truncated 1"), run.err());
    }

    @Test
    void aSentenceLongerThanTheModelTakesIsAnErrorRecordNotACut() throws Exception {
        Path in = dir.resolve("long.txt");
        Files.writeString(in, "the cat " + "and the dog ".repeat(80) + "\nthe dog.\n");
        Path out = dir.resolve("long.jsonl");
        CliRun run = CliRun.of("translate", "--model", model.toString(), "--beam", "1", "-i", in.toString(), "-o",
                out.toString());
        assertEquals(ExitCodes.RECORDS_FAILED, run.exitCode(), run.err());
        assertEquals(1, Files.readAllLines(out).size());
        String error = Files.readString(dir.resolve("long.errors.jsonl"));
        assertTrue(error.contains("too_long") && error.contains("split it"), error);
    }

    @Test
    void theCrossAttentionIsExportedAndPutsEachWordOnItsTranslation() throws Exception {
        Path in = dir.resolve("export-in.txt");
        Files.writeString(in, "the red cat sees the fish.\n");
        Path attention = dir.resolve("attention");
        CliRun run = CliRun.of("translate", "--model", model.toString(), "-i", in.toString(), "-o",
                dir.resolve("export-out.jsonl").toString(), "--attention-out", attention.toString(),
                "--attention-format", "json,pharaoh,npz,png,html,html-files");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode alignment = HeedJson.COMPACT.readTree(Files.readAllLines(attention.resolve("attention.jsonl")).get(0));
        assertEquals("cross-attention", alignment.get("kind").asText());
        assertEquals("the red cat sees the fish.", alignment.get("source").get("text").asText());
        assertEquals("die rote katze sieht die fisch.", alignment.get("target").get("text").asText());
        assertTrue(Files.readString(attention.resolve("alignment.pharaoh")).startsWith("0-0 1-1 2-2 3-3 4-4 5-5"),
                "word i of the source aligns with word i of the translation (the final period may look back)");
        for (String file : List.of("1.npz", "1.png", "1.html", "attention.html")) {
            assertTrue(Files.size(attention.resolve(file)) > 0, file);
        }
    }

    @Test
    void aMultiSentenceAlignmentIsBlockDiagonalOverItsSentences() throws Exception {
        Path in = dir.resolve("two-in.txt");
        Files.writeString(in, "the dog runs. the cat eats.\n");
        Path attention = dir.resolve("two-attention");
        CliRun run = CliRun.of("translate", "--model", model.toString(), "-i", in.toString(), "-o",
                dir.resolve("two-out.jsonl").toString(), "--attention-out", attention.toString(), "--attention-format",
                "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode a = HeedJson.COMPACT.readTree(Files.readAllLines(attention.resolve("attention.jsonl")).get(0));
        String source = a.get("source").get("text").asText();
        String target = a.get("target").get("text").asText();
        int sourceSplit = source.indexOf(" the cat");
        int targetSplit = target.indexOf(" die katze");
        assertTrue(targetSplit > 0, target);
        JsonNode sourceTokens = a.get("source").get("tokens");
        JsonNode targetTokens = a.get("target").get("tokens");
        JsonNode rows = a.get("weights").get(0).get(0);
        for (int t = 0; t < targetTokens.size(); t++) {
            boolean firstTarget = targetTokens.get(t).get("end").asInt() <= targetSplit;
            double sum = 0;
            for (int s = 0; s < sourceTokens.size(); s++) {
                boolean firstSource = sourceTokens.get(s).get("end").asInt() <= sourceSplit;
                double w = rows.get(t).get(s).asDouble();
                sum += w;
                if (firstTarget != firstSource) {
                    assertEquals(0.0, w, "target token " + t + " of one sentence attends only to its own sentence");
                }
            }
            assertEquals(1.0, sum, 1e-3, "each target row sums to 1");
        }
    }

    @Test
    void theShippedDefaultModelTranslatesOutOfTheBox() throws Exception {
        Path in = dir.resolve("default-in.txt");
        Files.writeString(in, "A man is riding a bicycle.\n");
        Path out = dir.resolve("default-out.jsonl");
        Path attention = dir.resolve("default-attention");
        CliRun run = CliRun.of("translate", "-i", in.toString(), "-o", out.toString(), "--attention-out",
                attention.toString(), "--attention-format", "json");
        assertEquals(0, run.exitCode(), run.err());
        String german = HeedJson.COMPACT.readTree(Files.readAllLines(out).get(0)).get("translation").asText();
        assertTrue(german.startsWith("Ein Mann") && german.contains("Fahrrad"), german);
        JsonNode a = HeedJson.COMPACT.readTree(Files.readAllLines(attention.resolve("attention.jsonl")).get(0));
        assertEquals("multi30k-en-de", a.get("model").asText());
        assertEquals(3, a.get("weights").size(), "three decoder layers");
        assertEquals(4, a.get("weights").get(0).size(), "four heads");
        for (String side : new String[] {"source", "target"}) {
            StringBuilder shown = new StringBuilder();
            for (JsonNode token : a.get(side).get("tokens")) {
                if (!token.get("special").asBoolean()) {
                    shown.append(token.get("text").asText());
                }
            }
            assertEquals(a.get(side).get("text").asText().replace(" ", ""), shown.toString(),
                    side + " tokens show the text they cover (no byte-level symbols like Ġ or Ã¤): " + a.get(side));
        }
        assertEquals(0, CliRun.of("models", "info", "multi30k-en-de").exitCode(), "resolved and verified by name");
    }

    @Test
    void trainingContinuesAModelAndItsCardKeepsTheHistory() throws Exception {
        Path continued = dir.resolve("continued");
        CliRun run = CliRun.of("train", "translation", "--init", model.toString(), "--train",
                dir.resolve("train").toString(), "--dev", dir.resolve("dev").toString(), "--languages", "en-de",
                "--out", continued.toString(), "--epochs", "1", "--batch-size", "16", "--lr", "0.002", "--warmup", "10",
                "--clip-by-value");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("continuing from the weights of"), run.err());
        JsonNode manifest = HeedJson.COMPACT.readTree(continued.resolve("model.json").toFile());
        assertTrue(manifest.get("metrics").get("bleu").asDouble() > 60, "it starts from the trained weights: "
                + manifest.get("metrics"));
        assertEquals(Files.readString(model.resolve("tokenizer.json")), Files.readString(continued.resolve("tokenizer.json")),
                "the model's own tokenizer");
        String card = Files.readString(continued.resolve("README.md"));
        assertTrue(card.contains("heed train translation --init " + model) && card.contains("## Continued from")
                && card.contains("heed train translation --encoder bigru --decoder gru --attention additive"), card);
    }

    @Test
    void separateVocabulariesAreLearnedPerSideShippedInTheModelAndUsedEachOnItsSide() throws Exception {
        Path separate = dir.resolve("separate");
        CliRun run = CliRun.of("train", "translation", "--encoder", "bigru", "--decoder", "gru", "--attention",
                "additive", "--train", dir.resolve("train").toString(), "--dev", dir.resolve("dev").toString(),
                "--languages", "en-de", "--out", separate.toString(), "--vocabulary", "separate", "--vocab-size", "300",
                "--epochs", "8", "--batch-size", "16", "--lr", "0.01", "--warmup", "30", "--set", "embeddingDim=24",
                "--set", "hiddenSize=24", "--set-decoder", "embeddingDim=24", "--set-decoder", "attentionDim=24",
                "--set-decoder", "dropout=0");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("learning a byte-level BPE of 300 pieces for each side"), run.err());
        assertEquals(0, CliRun.of("models", "verify", separate.toString()).exitCode());
        JsonNode manifest = HeedJson.COMPACT.readTree(separate.resolve("model.json").toFile());
        assertEquals("source-tokenizer.json", manifest.get("tokenizers").get("source").asText());
        assertEquals("target-tokenizer.json", manifest.get("tokenizers").get("target").asText());
        String source = Files.readString(separate.resolve("source-tokenizer.json"));
        String target = Files.readString(separate.resolve("target-tokenizer.json"));
        try (SubwordCodec english = SubwordCodec.load(separate.resolve("source-tokenizer.json"));
                SubwordCodec german = SubwordCodec.load(separate.resolve("target-tokenizer.json"))) {
            String en = "the red cat sees the fish.";
            String de = "die rote katze sieht die fisch.";
            assertTrue(english.encode(en).size() < german.encode(en).size(), "the source side learned English");
            assertTrue(german.encode(de).size() < english.encode(de).size(), "the target side learned German");
        }
        assertTrue(manifest.get("metrics").get("bleu").asDouble() > 60, manifest.get("metrics").toString());
        assertTrue(Files.readString(separate.resolve("README.md")).contains("separate byte-level BPE vocabularies"));

        Path in = dir.resolve("separate-in.txt");
        Files.writeString(in, "the red cat sees the fish.\n");
        Path out = dir.resolve("separate-out.jsonl");
        CliRun translated = CliRun.of("translate", "--model", separate.toString(), "-i", in.toString(), "-o",
                out.toString());
        assertEquals(0, translated.exitCode(), translated.err());
        String german = HeedJson.COMPACT.readTree(Files.readAllLines(out).get(0)).get("translation").asText();
        assertTrue(german.startsWith("die rote katze"), german);
        for (String word : german.replace(".", "").split(" ")) {
            assertTrue(List.of(TARGET).contains(word), "decoded with the target vocabulary: " + german);
        }

        Path continued = dir.resolve("separate-continued");
        CliRun more = CliRun.of("train", "translation", "--init", separate.toString(), "--train",
                dir.resolve("train").toString(), "--dev", dir.resolve("dev").toString(), "--languages", "en-de",
                "--out", continued.toString(), "--epochs", "1", "--batch-size", "16", "--lr", "0.002", "--warmup",
                "10");
        assertEquals(0, more.exitCode(), more.err());
        assertEquals(target, Files.readString(continued.resolve("target-tokenizer.json")), "continuing keeps both");
        assertEquals(source, Files.readString(continued.resolve("source-tokenizer.json")));
    }
}
