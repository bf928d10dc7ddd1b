package dev.heed.tasks.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NLTK's default-mode stems where Martin Porter's version (Lucene's PorterStemmer, NLTK's MARTIN_EXTENSIONS)
 * stems otherwise, and the paper's own examples; values from NLTK 3.10.3. {@code RougeFixturesTest} checks 6130
 * more.
 */
class NltkPorterStemmerTest {

    private final NltkPorterStemmer stemmer = new NltkPorterStemmer();

    @ParameterizedTest(name = "{0} -> {1} (Martin: {2})")
    @CsvSource({
        "used, use, us", // a two-letter vowel-consonant stem counts as cvc and gets its e back
        "they, they, thei", // y -> i only after a consonant
        "enjoy, enjoy, enjoi",
        "annoyed, annoy, annoi",
        "dying, die, dy", // the irregular forms
        "skies, sky, ski",
        "news, news, new",
        "innings, inning, in",
        "proceed, proceed, proce",
        "dies, die, di", // ies and ied of four letters keep their e
        "ties, tie, ti",
        "geology, geolog, geologi", // logi -> log with the l counted in the stem
        "hopefulli, hope, hopefulli", // fulli -> ful
    })
    void stemsAsNltkWhereMartinsVersionDiffers(String word, String nltk, String martin) {
        assertEquals(nltk, stemmer.stem(word));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "caresses, caress", "ponies, poni", "cries, cri", "spied, spi", "relational, relat",
        "conditional, condit", "hopping, hop", "falling, fall", "hissing, hiss", "filing, file", "failing, fail",
        "agreed, agre", "feed, feed", "plastered, plaster", "motoring, motor", "sing, sing", "happy, happi",
        "triplicate, triplic", "electrical, electr", "goodness, good", "adjustment, adjust", "adoption, adopt",
        "controll, control", "roll, roll", "generalization, gener", "generously, gener",
    })
    void stemsThePapersExamplesAsNltk(String word, String stem) {
        assertEquals(stem, stemmer.stem(word));
    }

    @Test
    void lowerCasesFirstAndLeavesWordsOfTwoCharactersAlone() {
        assertEquals("run", stemmer.stem("Running"));
        assertEquals("is", stemmer.stem("IS"));
        assertEquals("us", stemmer.stem("us"));
        assertEquals("", stemmer.stem(""));
    }

    @Test
    void aLongRunOfYsCostsNeitherStackNorQuadraticTime() {
        String ys = "y".repeat(20_001);
        String bys = "b" + "y".repeat(20_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertEquals(ys, stemmer.stem(ys));
            assertEquals(bys, stemmer.stem(bys));
        });
    }
}
