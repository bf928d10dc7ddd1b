package dev.heed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.engine.EngineSetup;
import dev.heed.json.HeedJson;
import dev.heed.text.vocab.BpeConfig;
import dev.heed.text.vocab.BpeTrainer;
import dev.heed.text.vocab.TokenizerJsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizeCommandTest {

    static final String CONTRACT = "Héllo wörld — naïve café! Thumbs up 👍🏽 for the family 👨‍👩‍👧.\tTabs   and"
            + "  spaces. 東京は日本の首都です。 e\u0301 and A\u030A.";

    @TempDir
    Path dir;

    @BeforeAll
    static void offline() {
        EngineSetup.configure();
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(HeedJson.COMPACT.readTree(line));
        }
        return nodes;
    }

    @Test
    void sentencesRoundTripSpansAndBadLinesGoToTheErrorsFile() throws IOException {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes((CONTRACT + "\nSecond record. Two sentences!\n\n").getBytes(StandardCharsets.UTF_8));
        input.writeBytes(new byte[] {'b', 'a', 'd', (byte) 0xFE, '\n'});
        Path in = dir.resolve("in.txt");
        Files.write(in, input.toByteArray());
        Path out = dir.resolve("out.jsonl");

        CliRun run = CliRun.of("tokenize", "--sentences", "--input", in.toString(), "--output", out.toString());
        assertEquals(ExitCodes.RECORDS_FAILED, run.exitCode(), run.err());
        assertTrue(run.err().contains("read 4, written 2, failed 2"), run.err());

        List<JsonNode> records = read(out);
        assertEquals(2, records.size());
        int tokens = 0;
        for (JsonNode record : records) {
            String text = record.get("text").asText();
            for (JsonNode sentence : record.get("sentences")) {
                for (JsonNode token : sentence.get("tokens")) {
                    assertEquals(token.get("surface").asText(),
                            text.substring(token.get("start").asInt(), token.get("end").asInt()));
                    tokens++;
                }
            }
        }
        assertTrue(tokens >= 30, "tokens: " + tokens);
        assertEquals(2, records.get(1).get("sentences").size());

        List<JsonNode> errors = read(dir.resolve("out.errors.jsonl"));
        assertEquals(List.of("empty_text", "invalid_utf8"), errors.stream().map(e -> e.get("kind").asText()).toList());
        assertEquals(List.of(3L, 4L), errors.stream().map(e -> e.get("line").asLong()).toList());
    }

    @Test
    void aTokenizerFileAddsSubwordsMappedToWords() throws IOException {
        Path tokenizer = dir.resolve("tokenizer.json");
        TokenizerJsonWriter.writeByteLevelBpe(new BpeTrainer(BpeConfig.ofSize(300))
                .train(List.of("the cat sat on the mat", "the cats sat")), tokenizer);
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"x\",\"text\":\"The cats sat.\",\"keep\":1}\n");
        Path out = dir.resolve("out.jsonl");
        CliRun run = CliRun.of("tokenize", "--tokenizer", tokenizer.toString(), "-i", in.toString(), "-o",
                out.toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err(), "--quiet prints nothing");
        JsonNode record = read(out).get(0);
        assertEquals("x", record.get("id").asText());
        assertEquals(1, record.get("keep").asInt(), "untouched fields are kept");
        assertEquals(4, record.get("tokens").size());
        for (JsonNode piece : record.get("subwords")) {
            int word = piece.get("word").asInt();
            JsonNode w = record.get("tokens").get(word);
            assertTrue(piece.get("start").asInt() >= w.get("start").asInt()
                    && piece.get("end").asInt() <= w.get("end").asInt(), piece + " outside " + w);
            assertTrue(piece.get("id").asLong() >= 0);
        }
    }

    @Test
    void anEmojiCutInHalfComesBackAsItWentIn() throws IOException {
        Path in = dir.resolve("cut.jsonl");
        Files.writeString(in, "{\"id\":\"s1\",\"text\":\"cut emoji \\ud83d here\"}\n");
        Path out = dir.resolve("cut-out.jsonl");
        CliRun run = CliRun.of("tokenize", "-i", in.toString(), "-o", out.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode record = read(out).get(0);
        assertEquals("cut emoji \ud83d here", record.get("text").asText(), "the lone surrogate is kept, not fused");
        assertEquals(List.of("cut", "emoji", "here"), record.get("tokens").findValuesAsText("surface").stream()
                .filter(t -> !t.equals("\ud83d")).toList());
    }

    @Test
    void inputFieldsNamedLikeTheOutputAreKept() throws IOException {
        Path in = dir.resolve("fields.jsonl");
        Files.writeString(in, "{\"text\":\"Gold tokens.\",\"tokens\":[\"Gold\",\"tokens\",\".\"]}\n");
        Path out = dir.resolve("fields-out.jsonl");
        CliRun run = CliRun.of("tokenize", "-i", in.toString(), "-o", out.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode record = read(out).get(0);
        assertEquals("[\"Gold\",\"tokens\",\".\"]", record.get("tokens").toString(), "the input's own tokens");
        assertEquals(3, record.get("predicted_tokens").size());
        assertEquals(List.of("id", "text", "tokens", "predicted_tokens"), fieldNames(record),
                "the text is not repeated: the input has it");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aTextWithNoWordsHasNoTokensAndIsNotAnError() throws IOException {
        Path in = dir.resolve("invisible.txt");
        Files.writeString(in, "\u200B\n\u2063\n");
        Path out = dir.resolve("invisible-out.jsonl");
        CliRun run = CliRun.of("tokenize", "-i", in.toString(), "-o", out.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        for (JsonNode record : read(out)) {
            assertEquals(0, record.get("tokens").size(), "the tokenizer's answer: no tokens");
        }
    }

    @Test
    void aTruncatedGzipInputIsAnIoErrorNamingTheFileAndTheLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            for (int i = 1; i <= 5_000; i++) {
                gz.write(("{\"id\":\"" + i + "\",\"text\":\"line number " + i + " of a long file\"}\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        Path in = dir.resolve("reviews.jsonl.gz");
        Files.write(in, java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2));
        CliRun run = CliRun.of("tokenize", "-i", in.toString(), "-o", dir.resolve("reviews.out.jsonl").toString());
        assertEquals(ExitCodes.IO, run.exitCode(), run.err());
        assertTrue(run.err().contains(in.toString()) && run.err().matches("(?s).*line \\d+.*"), run.err());
        assertTrue(run.err().contains("truncated"), run.err());
    }

    @Test
    void anOutputThatIsADirectoryIsAnIoErrorNamingIt() throws IOException {
        Path in = dir.resolve("one.txt");
        Files.writeString(in, "one line\n");
        Path folder = Files.createDirectories(dir.resolve("folder"));
        CliRun run = CliRun.of("tokenize", "-i", in.toString(), "-o", folder.toString());
        assertEquals(ExitCodes.IO, run.exitCode(), run.err());
        assertTrue(run.err().contains("output file " + folder), run.err());
        run = CliRun.of("tokenize", "-i", in.toString(), "-o", dir.resolve("ok.jsonl").toString(), "--errors",
                folder.toString());
        assertEquals(ExitCodes.IO, run.exitCode(), run.err());
        assertTrue(run.err().contains("errors file " + folder), run.err());
    }

    @Test
    void aMissingInputIsAnIoError() {
        CliRun run = CliRun.of("tokenize", "--input", dir.resolve("absent.txt").toString());
        assertEquals(ExitCodes.IO, run.exitCode());
        assertTrue(run.err().contains("absent.txt"), run.err());
    }

    @Test
    void aModelDirectoryWithAVocabularyPerSideNamesItsTokenizerFiles() throws IOException {
        Path model = dir.resolve("en-de");
        Files.createDirectories(model);
        Files.writeString(model.resolve("source-tokenizer.json"), "{}");
        Files.writeString(model.resolve("target-tokenizer.json"), "{}");
        Path in = dir.resolve("one.txt");
        Files.writeString(in, "A man.\n");
        CliRun run = CliRun.of("tokenize", "--tokenizer", model.toString(), "-i", in.toString());
        assertEquals(ExitCodes.IO, run.exitCode());
        assertTrue(run.err().contains("source-tokenizer.json and target-tokenizer.json"), run.err());
        assertTrue(run.err().contains(model.resolve("source-tokenizer.json").toString()), "the fix: " + run.err());
    }

    @Test
    void aMissingFileIsNamedAsMissingNotAsABarePath() throws IOException {
        Path absent = dir.resolve("absent-vocabulary.txt");
        CliRun run = CliRun.of("vocab", "bpe", "--input", absent.toString(), "--size", "300", "--out",
                dir.resolve("t.json").toString());
        assertEquals(ExitCodes.IO, run.exitCode(), run.err());
        assertEquals("heed: no such file: " + absent, run.err().strip());
    }

    @Test
    void anErrorRecordSaysWhetherItsIdIsTheRecordsOwnOrTheLineNumber() throws IOException {
        Path in = dir.resolve("ids.jsonl");
        Files.writeString(in, "{\"id\":5,\"text\":\"fine\"}\n{\"id\":\"x\",\"txt\":\"no text field\"}\n"
                + "{\"id\":6,\"text\":\"fine\"}\n{\"id\":7,\"text\":\"fine\"}\n{not json\n");
        Path out = dir.resolve("ids-out.jsonl");
        CliRun run = CliRun.of("tokenize", "-i", in.toString(), "-o", out.toString(), "-q");
        assertEquals(ExitCodes.RECORDS_FAILED, run.exitCode(), run.err());
        assertEquals("5", read(out).get(0).get("id").asText(), "the record whose own id is 5");
        List<JsonNode> errors = read(dir.resolve("ids-out.errors.jsonl"));
        assertEquals("x", errors.get(0).get("id").asText());
        assertEquals("record", errors.get(0).get("id_from").asText());
        assertEquals(5, errors.get(1).get("line").asInt());
        assertEquals("5", errors.get(1).get("id").asText());
        assertEquals("line", errors.get(1).get("id_from").asText(), "line 5, not the record with id 5");
    }
}
