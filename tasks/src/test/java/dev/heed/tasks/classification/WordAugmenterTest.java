package dev.heed.tasks.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heed.text.CoreNlpWordTokenizer;
import dev.heed.text.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordAugmenterTest {

    static final String TEXT = "A gorgeous, witty film that never drags.";
    static final List<Token> WORDS = new CoreNlpWordTokenizer().words(TEXT);

    @Test
    void withoutMaskingOrSamplingTheVariantIsTheText() {
        WordAugmenter.Variant v = new WordAugmenter(1, 0, 0, "[MASK]").vary(TEXT, WORDS);
        assertEquals(TEXT, v.teacherText());
        assertEquals(WORDS, v.words());
        assertTrue(v.masked().isEmpty());
    }

    @Test
    void maskedWordsAreTheMaskTokenForTheTeacherAndFlaggedForTheStudent() {
        WordAugmenter.Variant v = new WordAugmenter(1, 1, 0, "[MASK]").vary(TEXT, WORDS);
        assertEquals(WORDS.size(), v.masked().cardinality());
        assertEquals("[MASK] [MASK][MASK] [MASK] [MASK] [MASK] [MASK] [MASK][MASK]", v.teacherText(),
                "the spaces between words are kept");
    }

    @Test
    void ngramSamplesAreContiguousRunsOfOneToFiveWordsAndTheSeedRepeatsThem() {
        WordAugmenter a = new WordAugmenter(9, 0, 1, "[MASK]");
        WordAugmenter b = new WordAugmenter(9, 0, 1, "[MASK]");
        for (int i = 0; i < 200; i++) {
            WordAugmenter.Variant v = a.vary(TEXT, WORDS);
            assertEquals(v, b.vary(TEXT, WORDS));
            assertTrue(v.words().size() >= 1 && v.words().size() <= 5, v.words().toString());
            int first = WORDS.indexOf(v.words().get(0));
            assertEquals(WORDS.subList(first, first + v.words().size()), v.words());
            assertEquals(TEXT.substring(v.words().get(0).start(), v.words().get(v.words().size() - 1).end()),
                    v.teacherText());
        }
    }

    @Test
    void aTextWithoutWordsIsItsOwnVariant() {
        assertEquals("   ", new WordAugmenter(1, 1, 1, "[MASK]").vary("   ", List.of()).teacherText());
    }
}
