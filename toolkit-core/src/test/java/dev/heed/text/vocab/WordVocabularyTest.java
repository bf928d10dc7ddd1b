package dev.heed.text.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.heed.text.SubwordTokenizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordVocabularyTest {

    @TempDir
    Path dir;

    private static WordVocabulary build(int minCount, int maxSize) {
        WordVocabularyBuilder builder = new WordVocabularyBuilder(WordVocabularyConfig.of(minCount, maxSize));
        builder.add(List.of("the", "cat", "sat", "on", "the", "mat"));
        builder.add(List.of("the", "dog", "sat", "."));
        builder.add(List.of("a", "cat", "!"));
        return builder.build();
    }

    @Test
    void ordersByCountThenWord() {
        WordVocabulary vocabulary = build(1, 100);
        assertEquals(List.of("<pad>", "<unk>", "the", "cat", "sat", "!", ".", "a", "dog", "mat", "on"),
                vocabulary.tokens());
    }

    @Test
    void appliesMinimumCountAndMaximumSize() {
        assertEquals(List.of("<pad>", "<unk>", "the", "cat", "sat"), build(2, 100).tokens());
        assertEquals(List.of("<pad>", "<unk>", "the", "cat"), build(1, 4).tokens());
        assertEquals(1, build(2, 100).id("dog"));
    }

    @Test
    void writtenTokenizerEncodesTheSameIdsInDjl() throws Exception {
        WordVocabulary vocabulary = build(1, 100);
        Path file = dir.resolve("tokenizer.json");
        TokenizerJsonWriter.writeWordLevel(vocabulary, true, file);
        try (SubwordTokenizer tokenizer = SubwordTokenizer.load(file, false)) {
            long[] ids = tokenizer.encode("The cat sat on the zebra .").ids();
            long[] expected = Arrays.stream("the cat sat on the zebra .".split(" "))
                    .mapToLong(vocabulary::id).toArray();
            assertEquals(Arrays.toString(expected), Arrays.toString(ids));
            assertEquals(vocabulary.unknownId(), ids[5]);
        }
    }

    @Test
    void keysReplaceEveryKindOfSpaceSoTheyCanBeCounted() {
        assertEquals("3_1/2", WordVocabulary.key("3\u00a01/2"));
        assertEquals("a_b_c", WordVocabulary.key("a\u2009b c"));
        WordVocabularyBuilder builder = new WordVocabularyBuilder(WordVocabularyConfig.of(1, 10));
        builder.add(List.of(WordVocabulary.key("3\u00a01/2")));
        assertEquals(2, builder.build().id(WordVocabulary.key("3\u00a01/2")));
    }

    @Test
    void rejectsWordsWithWhitespace() {
        WordVocabularyBuilder builder = new WordVocabularyBuilder(WordVocabularyConfig.of(1, 10));
        assertThrows(IllegalArgumentException.class, () -> builder.add(List.of("two words")));
    }
}
