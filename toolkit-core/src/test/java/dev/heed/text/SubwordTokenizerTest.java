package dev.heed.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heed.text.vocab.BpeConfig;
import dev.heed.text.vocab.BpeModel;
import dev.heed.text.vocab.BpeTrainer;
import dev.heed.text.vocab.TokenizerJsonWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubwordTokenizerTest {

    @TempDir
    static Path dir;

    static Path tokenizerFile;

    @BeforeAll
    static void learnTokenizer() throws IOException {
        BpeModel bpe = new BpeTrainer(BpeConfig.ofSize(300))
                .train(List.of("the cat sat on the mat", "the dog sat on the log", "cats and dogs"));
        tokenizerFile = dir.resolve("tokenizer.json");
        TokenizerJsonWriter.writeByteLevelBpe(bpe, tokenizerFile);
    }

    @Test
    void spansAreUtf16OffsetsEvenAfterSupplementaryCharacters() throws IOException {
        String text = "👍🏽 the 東京 cat 𝔘 sat";
        try (SubwordTokenizer tokenizer = SubwordTokenizer.load(tokenizerFile, false)) {
            SubwordEncoding encoding = tokenizer.encode(text);
            Token cat = encoding.tokens().stream().filter(t -> t.normalized().equals("Ġcat")).findFirst()
                    .orElseThrow();
            assertEquals(text.indexOf("cat"), cat.start());
            Token sat = encoding.tokens().stream().filter(t -> t.normalized().equals("Ġsat")).findFirst()
                    .orElseThrow();
            assertEquals("sat", sat.surface());
        }
    }

    @Test
    void subwordsMapBackToCoreNlpWords() throws IOException {
        String text = "The cats sat, happily.";
        List<Token> words = new CoreNlpWordTokenizer().words(text);
        try (SubwordTokenizer tokenizer = SubwordTokenizer.load(tokenizerFile, false)) {
            SubwordEncoding encoding = tokenizer.encode(text);
            int[] wordOf = SpanAlignment.wordIndexes(encoding.tokens(), words);
            for (int i = 0; i < wordOf.length; i++) {
                Token piece = encoding.tokens().get(i);
                assertTrue(wordOf[i] >= 0, "piece " + piece + " maps to no word");
                assertTrue(words.get(wordOf[i]).span().contains(piece.span()),
                        piece + " is not inside " + words.get(wordOf[i]));
            }
            // "happily" is split into several pieces, all mapped to word 4
            long pieces = java.util.Arrays.stream(wordOf).filter(w -> w == 4).count();
            assertTrue(pieces > 1, "expected 'happily' in several pieces: " + encoding);
        }
    }

    @Test
    void missingFileNamesTheFix() {
        IOException e = assertThrows(IOException.class,
                () -> SubwordTokenizer.load(dir.resolve("nope"), false));
        assertTrue(e.getMessage().contains("tokenizer.json"), e.getMessage());
    }
}
