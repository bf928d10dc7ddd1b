package dev.heed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heed.text.SubwordTokenizer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabCommandTest {

    @TempDir
    Path dir;

    @Test
    void bpeFromGzippedTextLoadsInDjl() throws Exception {
        Path corpus = dir.resolve("train.en.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(corpus))) {
            for (int i = 0; i < 200; i++) {
                out.write(("A man is riding a bicycle number " + i + ".\nTwo dogs play in the snow.\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        Path tokenizer = dir.resolve("tokenizer.json");
        CliRun run = CliRun.of("vocab", "bpe", "--input", corpus.toString(), "--size", "300", "--out", tokenizer.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("learned 300 tokens"), run.err());
        try (SubwordTokenizer t = SubwordTokenizer.load(tokenizer, false)) {
            assertEquals("Two dogs play.", t.decode(t.encode("Two dogs play.").ids(), true).strip());
        }
    }

    @Test
    void wordsUseCoreNlpNormalizedForms() throws Exception {
        Path corpus = dir.resolve("train.txt");
        Files.writeString(corpus, "The film (a gem) was great.\nThe film was bad.\n");
        Path tokenizer = dir.resolve("words.json");
        CliRun run = CliRun.of("vocab", "words", "--input", corpus.toString(), "--out", tokenizer.toString());
        assertEquals(0, run.exitCode(), run.err());
        String json = Files.readString(tokenizer);
        assertTrue(json.contains("\"-lrb-\""), "PTB-escaped, lower-cased words: " + json);
        assertTrue(json.contains("\"<unk>\" : 1") && json.contains("\".\" : 2"),
                "specials first, then by count and spelling (\".\" before \"film\", \"the\", \"was\"): " + json);
    }

    @Test
    void aWordVocabularyTokenizesTheWayItWasCounted() throws Exception {
        Path corpus = dir.resolve("counted.txt");
        Files.writeString(corpus, "The hat, something (else).\n");
        Path words = dir.resolve("words.json");
        CliRun made = CliRun.of("vocab", "words", "--input", corpus.toString(), "--out", words.toString());
        assertEquals(0, made.exitCode(), made.err());
        assertTrue(made.err().contains("CoreNLP's normalized words"), "says what the file is: " + made.err());
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "A hat, something (else).\n");
        Path out = dir.resolve("out.jsonl");
        CliRun run = CliRun.of("tokenize", "--tokenizer", words.toString(), "-i", in.toString(), "-o",
                out.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        var line = dev.heed.json.HeedJson.COMPACT.readTree(Files.readAllLines(out).get(0));
        java.util.List<String> tokens = new java.util.ArrayList<>();
        line.get("subwords").forEach(t -> tokens.add(t.get("token").asText()));
        assertEquals(java.util.List.of("<unk>", "hat", ",", "something", "-lrb-", "else", "-rrb-", "."), tokens,
                "'hat,' is the counted 'hat' and ',', not <unk>; only the unseen 'a' is unknown");
        assertEquals(2, line.get("subwords").get(1).get("start").asInt());
    }
}
