package dev.heed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.alignment.Alignment;
import dev.heed.alignment.AlignmentJson;
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
 * train, summarize and eval summarization end to end on a task written in the test that only copying solves: each
 * document asks to call someone, and its summary is {@code call NAME}; the dev documents' names never occur in the
 * training data, so a decoder can only get them right by pointing at them.
 */
class SummarizeCommandTest {

    static final String[] SYLLABLES = {"ka", "zo", "ri", "mu", "te", "lo", "vi", "sa", "ne", "pu", "da", "gi"};
    static final String[] FILLER = {"the", "report", "is", "ready", "for", "review", "today", "and", "we", "need",
        "your", "numbers", "by", "friday", "thanks"};

    @TempDir
    static Path dir;

    static Path model;
    static Path plain;

    /** A name of three syllables; {@code even} names have an even first syllable, so train and dev never share one. */
    static String name(Random r, boolean even) {
        int first = 2 * r.nextInt(SYLLABLES.length / 2) + (even ? 0 : 1);
        String n = SYLLABLES[first] + SYLLABLES[r.nextInt(SYLLABLES.length)] + SYLLABLES[r.nextInt(SYLLABLES.length)];
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    static void write(Path file, int n, long seed, boolean even) throws Exception {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 3 + r.nextInt(6); k++) {
                text.append(FILLER[r.nextInt(FILLER.length)]).append(' ');
            }
            String who = name(r, even);
            text.append("please call ").append(who).append(" about it.");
            ObjectNode line = HeedJson.COMPACT.createObjectNode().put("id", "doc-" + i).put("text", text.toString())
                    .put("summary", "call " + who);
            line.putArray("references").add(who);
            lines.add(HeedJson.COMPACT.writeValueAsString(line));
        }
        Files.write(file, lines);
    }

    @BeforeAll
    static void train() throws Exception {
        System.setProperty("heed.home", dir.resolve("home").toString());
        write(dir.resolve("train.jsonl"), 300, 1, true);
        write(dir.resolve("dev.jsonl"), 40, 2, false);
        model = dir.resolve("model");
        CliRun run = trainInto(model);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("dev ROUGE-1"), run.err());
        plain = dir.resolve("plain");
        CliRun without = trainInto(plain, "--no-copy", "--no-coverage");
        assertEquals(0, without.exitCode(), without.err());
    }

    static CliRun trainInto(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "summarization", "--train",
                dir.resolve("train.jsonl").toString(), "--dev", dir.resolve("dev.jsonl").toString(), "--out",
                out.toString(), "--vocab-size", "300", "--epochs", "5", "--batch-size", "16", "--lr", "0.01", "--warmup",
                "30", "--set", "embeddingDim=24", "--set", "hiddenSize=24", "--set-decoder", "embeddingDim=24",
                "--set-decoder", "attentionDim=24", "--set-decoder", "dropout=0", "--max-source-tokens", "40",
                "--weights-dtype", "f16"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void trainingWritesAVerifiedPointerGeneratorThatCopiesNamesItNeverSaw() throws Exception {
        assertEquals(0, CliRun.of("models", "verify", model.toString()).exitCode());
        String card = Files.readString(model.resolve("README.md"));
        assertTrue(card.contains("heed train summarization --train") && card.contains("Coverage loss weight 1.00"), card);
        JsonNode manifest = HeedJson.COMPACT.readTree(model.resolve("model.json").toFile());
        assertEquals("summarization", manifest.get("task").asText());
        JsonNode decoder = manifest.get("components").get("decoder").get("config");
        assertTrue(decoder.get("copy").asBoolean() && decoder.get("coverage").asBoolean(), decoder.toString());
        assertEquals(40, manifest.get("components").get("vectorizer").get("config").get("maxSourceTokens").asInt());
        assertTrue(manifest.get("metrics").get("rouge1").asDouble() > 90, manifest.get("metrics").toString());
        // the same training without the copy mechanism cannot produce names it never saw: "call" and a guess
        JsonNode plainManifest = HeedJson.COMPACT.readTree(plain.resolve("model.json").toFile());
        assertTrue(plainManifest.get("metrics").get("rouge1").asDouble() < 60, plainManifest.get("metrics").toString());
        assertTrue(!plainManifest.get("components").get("decoder").get("config").get("copy").asBoolean());
    }

    @Test
    void summarizeKeepsEveryFieldAndExportsWhatWasCopied() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"text\":\"we need your numbers please call Gimuda about it.\","
                + "\"summary\":\"gold\",\"extra\":[1,2]}\n");
        Path attention = dir.resolve("attention");
        Path output = dir.resolve("summaries.jsonl");
        CliRun run = CliRun.of("summarize", "--model", model.toString(), "--input", in.toString(), "--output",
                output.toString(), "--attention-out", attention.toString(), "--attention-format", "json,html");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = HeedJson.COMPACT.readTree(Files.readString(output).strip());
        assertEquals("a", out.get("id").asText());
        assertEquals("gold", out.get("summary").asText(), "an input field is never overwritten");
        assertEquals("[1,2]", out.get("extra").toString());
        String summary = out.get("predicted_summary").asText();
        assertEquals("call Gimuda", summary, out.toString());
        JsonNode copy = out.get("copy");
        assertTrue(copy.isArray() && copy.size() >= 3, out.toString());
        double most = 0;
        for (JsonNode share : copy) {
            assertTrue(share.asDouble() > 0 && share.asDouble() < 1, out.toString());
            most = Math.max(most, share.asDouble());
        }
        assertTrue(most > 0.5, "the name is copied, not generated: " + copy);
        String alignment = Files.readString(attention.resolve("attention.jsonl"));
        assertTrue(alignment.contains("\"kind\":\"cross-attention\"") && alignment.contains("Gimuda"), alignment);
        // the alignment carries the same copy shares, one per summary token (</s> included), and reads back
        JsonNode line = HeedJson.COMPACT.readTree(alignment.strip());
        assertEquals(line.get("target").get("tokens").size(), line.get("copy").size(), line.toString());
        for (int t = 0; t < copy.size(); t++) {
            assertEquals(copy.get(t).floatValue(), line.get("copy").get(t).floatValue(), 1e-6f, "share " + t);
        }
        Alignment read = AlignmentJson.fromJson(line);
        assertEquals(copy.size(), read.copyShares().orElseThrow().length);
        String viewer = Files.readString(attention.resolve("attention.html"));
        assertTrue(viewer.contains("\"copy\":" + line.get("copy")), "the viewer gets them too");
    }

    @Test
    void badAndLongDocumentsGetErrorRecordsOrCountedCutsNeverACrash() throws Exception {
        StringBuilder longText = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            longText.append(FILLER[i % FILLER.length]).append(' ');
        }
        Path in = dir.resolve("bad.jsonl");
        Files.writeString(in, "{\"id\":\"empty\",\"text\":\"   \"}\n{\"id\":\"invisible\",\"text\":\"\\u200b\"}\n"
                + "{\"id\":\"long\",\"text\":\"please call Tegisa. " + longText + "\"}\n"
                + "{\"id\":\"german\",\"text\":\"Bitte rufen Sie Herrn Kavilo morgen an.\"}\n"
                + "{\"id\":\"signature\",\"text\":\"--\\nJohn Smith\\nVice President\\n(713) 853-1234\"}\n"
                + "{\"id\":\"quoted\",\"text\":\"> please call Gimuda\\n> about it.\\n>> we need your numbers\"}\n");
        Path errors = dir.resolve("errors.jsonl");
        Path output = dir.resolve("bad-out.jsonl");
        // a 100,000-word line is longer than the reader's default line limit (512 KiB): raised here
        CliRun run = CliRun.of("summarize", "--model", model.toString(), "--input", in.toString(), "--output",
                output.toString(), "--errors", errors.toString(), "--max-line-bytes", "2000000");
        assertEquals(ExitCodes.RECORDS_FAILED, run.exitCode(), run.err());
        String[] lines = Files.readString(output).strip().split("\n");
        assertEquals(4, lines.length, run.err() + Files.readString(errors));
        JsonNode longOne = HeedJson.COMPACT.readTree(lines[0]);
        assertEquals("long", longOne.get("id").asText());
        assertTrue(longOne.get("truncated_tokens").asInt() > 99_000, longOne.toString());
        assertEquals("german", HeedJson.COMPACT.readTree(lines[1]).get("id").asText());
        // a signature alone or a quoted thread is still a document: it gets a summary, whatever it is worth
        for (int i = 2; i < 4; i++) {
            JsonNode line = HeedJson.COMPACT.readTree(lines[i]);
            assertTrue(line.has("summary") && line.has("score"), line.toString());
        }
        String errorLines = Files.readString(errors);
        assertTrue(errorLines.contains("\"empty\"") && errorLines.contains("\"invisible\""), errorLines);
        // the long document is cut (and counted); a summary of the odd ones may also stop at --max-length
        assertTrue(run.err().matches("(?s).*truncated [1-6] .*"), run.err());

        CliRun rejecting = CliRun.of("summarize", "--model", model.toString(), "--input", in.toString(), "--output",
                dir.resolve("bad-out2.jsonl").toString(), "--long-input", "reject", "--max-line-bytes", "2000000", "--errors",
                dir.resolve("errors2.jsonl").toString());
        assertEquals(ExitCodes.RECORDS_FAILED, rejecting.exitCode());
        assertTrue(Files.readString(dir.resolve("errors2.jsonl")).contains("too_long"), rejecting.err());
    }

    @Test
    void evalPrintsTheRougeTableWithLead1AndWritesTheReport() throws Exception {
        Path report = dir.resolve("report.json");
        CliRun run = CliRun.of("eval", "summarization", "--model", model.toString(), "--data",
                dir.resolve("dev.jsonl").toString(), "--report", report.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("LEAD-1") && run.out().contains("all (best F)"), run.out());
        JsonNode json = HeedJson.COMPACT.readTree(report.toFile());
        double model1 = json.get("model_scores").get("original").get("rouge1").get("mean").get("fmeasure").asDouble();
        double lead1 = json.get("lead1_scores").get("original").get("rouge1").get("mean").get("fmeasure").asDouble();
        assertTrue(model1 > 0.8 && lead1 < 0.4, json.toString());
        // against all references (here the bare name is one), the best F per measure can only be as high or higher
        double all = json.get("model_scores").get("all_references").get("rouge1").get("mean").get("fmeasure")
                .asDouble();
        assertTrue(all >= model1, json.toString());
        assertEquals(40, json.get("documents").asInt());

        // --min-length (subwords) holds the end of the summary back: longer summaries, scored and reported as such
        Path longer = dir.resolve("report-min.json");
        CliRun held = CliRun.of("eval", "summarization", "--model", model.toString(), "--data",
                dir.resolve("dev.jsonl").toString(), "--report", longer.toString(), "--min-length", "8");
        assertEquals(0, held.exitCode(), held.err());
        JsonNode heldJson = HeedJson.COMPACT.readTree(longer.toFile());
        assertEquals(8, heldJson.get("min_length").asInt());
        assertEquals(0, json.get("min_length").asInt());
        assertTrue(heldJson.get("model_scores").get("mean_words").asDouble()
                > json.get("model_scores").get("mean_words").asDouble(), heldJson + " against " + json);
        CliRun bad = CliRun.of("eval", "summarization", "--model", model.toString(), "--data",
                dir.resolve("dev.jsonl").toString(), "--min-length", "30");
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("--min-length"), bad.err());
    }
}
