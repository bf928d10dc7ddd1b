package dev.heed.text.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heed.text.SubwordEncoding;
import dev.heed.text.SubwordTokenizer;
import dev.heed.text.Token;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeTrainerTest {

    @TempDir
    Path dir;

    /** A small corpus made in code: a few frequent words, numbers and punctuation in varied sentences. */
    static List<String> corpus() {
        String[] subjects = {"A man", "Two women", "The children", "A dog", "Several people", "A young girl"};
        String[] verbs = {"is riding", "are walking along", "is playing with", "are sitting on", "is jumping over"};
        String[] objects = {"a bicycle.", "the beach.", "a red ball!", "the wooden bench.", "3 small dogs."};
        Random random = new Random(7);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            lines.add(subjects[random.nextInt(subjects.length)] + " " + verbs[random.nextInt(verbs.length)]
                    + " " + objects[random.nextInt(objects.length)]);
        }
        return lines;
    }

    @Test
    void learnedTokenizerLoadsInDjlAndRoundTripsAnyText() throws Exception {
        BpeModel bpe = new BpeTrainer(BpeConfig.ofSize(2000)).train(corpus());
        assertTrue(bpe.vocabulary().size() < 2000, "a small corpus runs out of pairs before 2000");
        assertEquals(List.of("<pad>", "<unk>", "<s>", "</s>"), bpe.vocabulary().subList(0, 4));
        Path file = dir.resolve("tokenizer.json");
        TokenizerJsonWriter.writeByteLevelBpe(bpe, file);

        try (SubwordTokenizer tokenizer = SubwordTokenizer.load(file, false)) {
            for (String text : List.of("A man is riding a bicycle.", "Zwei Männer überqueren 東京 👍🏽!",
                    "  spaced   out\ttext ")) {
                SubwordEncoding encoding = tokenizer.encode(text);
                String decoded = tokenizer.decode(encoding.ids(), true);
                assertEquals(text.strip(), decoded.strip(), "decode(encode(x)) for " + text);
                for (Token token : encoding.tokens()) {
                    assertEquals(text.substring(token.start(), token.end()), token.surface());
                }
            }
            // frequent words became single tokens
            SubwordEncoding riding = tokenizer.encode("riding bicycle");
            assertEquals(List.of("Ġriding", "Ġbicycle"),
                    riding.tokens().stream().map(Token::normalized).toList());
        }
    }

    @Test
    void reachesTheTargetSizeWhenTheCorpusAllows() {
        assertEquals(300, new BpeTrainer(BpeConfig.ofSize(300)).train(corpus()).vocabulary().size());
    }

    @Test
    void sameCorpusGivesSameVocabulary() {
        BpeModel first = new BpeTrainer(BpeConfig.ofSize(320)).train(corpus());
        BpeModel second = new BpeTrainer(BpeConfig.ofSize(320)).train(corpus());
        assertEquals(first.vocabulary(), second.vocabulary());
        assertEquals(first.merges(), second.merges());
    }

    @Test
    void mergesFollowPairFrequency() {
        // "ab" occurs 3 times, "cd" twice: the first merge must be (a, b).
        BpeModel bpe = new BpeTrainer(new BpeConfig(262, 1, List.of(), false))
                .train(List.of("ab ab ab cd cd"));
        assertEquals(new BpeModel.Merge("Ġ", "a"), bpe.merges().get(0));
        assertTrue(bpe.vocabulary().contains("Ġab"));
    }

    @Test
    void stopsWhenNoPairIsFrequentEnough() {
        BpeModel bpe = new BpeTrainer(new BpeConfig(10_000, 2, List.of(), false)).train(List.of("xyz"));
        assertEquals(256, bpe.vocabulary().size());
    }

    @Test
    void lowercasingIsWrittenIntoTheTokenizer() throws Exception {
        BpeModel bpe = new BpeTrainer(new BpeConfig(300, 2, BpeConfig.DEFAULT_SPECIALS, true)).train(corpus());
        Path file = dir.resolve("lower.json");
        TokenizerJsonWriter.writeByteLevelBpe(bpe, file);
        try (SubwordTokenizer tokenizer = SubwordTokenizer.load(file, false)) {
            assertArrayEquals(tokenizer.encode("a man").ids(), tokenizer.encode("A MAN").ids());
        }
    }

    @Test
    void rejectsATargetBelowTheAlphabet() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BpeConfig.ofSize(100));
        assertTrue(e.getMessage().contains("260"), e.getMessage());
    }
}
