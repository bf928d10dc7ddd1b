package dev.heed.tasks.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a user of the ROUGE library sees besides the frozen figures of {@code RougeFixturesTest}. */
class RougeScorerTest {

    @Test
    void scoresRougeScoresDocstringExample() {
        Map<RougeType, RougeScore> s = RougeScorer.standard(true)
                .score("The quick brown fox jumps over the lazy dog", "The quick brown dog jumps on the log.");
        // 6 of the reference's 9 unigrams among the prediction's 8; LCS 'the quick brown jumps the' = 5
        assertEquals(RougeScore.of(6 / 8.0, 6 / 9.0), s.get(RougeType.ROUGE_1));
        assertEquals(RougeScore.of(5 / 8.0, 5 / 9.0), s.get(RougeType.ROUGE_L));
        assertEquals(List.of(RougeType.ROUGE_1, RougeType.ROUGE_2, RougeType.ROUGE_L, RougeType.ROUGE_LSUM),
                List.copyOf(s.keySet()));
    }

    @Test
    void stemmingMatchesInflectionsAsNltkDoes() {
        RougeScorer stemmed = new RougeScorer(List.of(RougeType.ROUGE_1), true);
        RougeScorer plain = new RougeScorer(List.of(RougeType.ROUGE_1), false);
        assertEquals(1.0, stemmed.score("They used dying skies", "they use die sky").get(RougeType.ROUGE_1).fmeasure());
        assertEquals(0.25, plain.score("They used dying skies", "they use die sky").get(RougeType.ROUGE_1).fmeasure());
    }

    @Test
    void anEmptySideScoresZero() {
        RougeScorer scorer = RougeScorer.standard(false);
        for (RougeScore s : scorer.score("the cat sat", "").values()) {
            assertEquals(RougeScore.ZERO, s);
        }
        for (RougeScore s : scorer.score("... ---", "the cat sat").values()) {
            assertEquals(RougeScore.ZERO, s);
        }
    }

    @Test
    void lsumUnionsTheLcsOfEachReferenceSentenceWithEveryPredictionSentence() {
        // Lin (2004), section 3.2: the union LCS of w1..w5 with the two sentences is w1 w2 w3 w5
        RougeScore s = new RougeScorer(List.of(RougeType.ROUGE_LSUM), false)
                .score("w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5").get(RougeType.ROUGE_LSUM);
        assertEquals(RougeScore.of(4 / 10.0, 4 / 5.0), s);
    }

    @Test
    void severalReferencesTakeTheBestF1PerTypeAndTheFirstOnATie() {
        RougeScorer scorer = new RougeScorer(List.of(RougeType.ROUGE_1, RougeType.ROUGE_L), false);
        String prediction = "the cat sat on the mat";
        Map<RougeType, RougeScore> multi =
                scorer.scoreMulti(List.of("cat the sat mat on", "the cat sat"), prediction);
        // rouge1 is best against the first reference (5 of 6), rougeL against the second
        assertEquals(scorer.score("cat the sat mat on", prediction).get(RougeType.ROUGE_1),
                multi.get(RougeType.ROUGE_1));
        assertEquals(scorer.score("the cat sat", prediction).get(RougeType.ROUGE_L), multi.get(RougeType.ROUGE_L));
        // F1 2/3 against both, precision and recall swapped: the first reference counts
        RougeScorer one = new RougeScorer(List.of(RougeType.ROUGE_1), false);
        assertEquals(RougeScore.of(0.5, 1.0), one.scoreMulti(List.of("cat", "the cat sat down"), "the cat")
                .get(RougeType.ROUGE_1));
        assertEquals(RougeScore.of(1.0, 0.5), one.scoreMulti(List.of("the cat sat down", "cat"), "the cat")
                .get(RougeType.ROUGE_1));
    }

    @Test
    void badArgumentsSayWhatIsValid() {
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> RougeType.of("rougeW"));
        assertTrue(type.getMessage().contains("rouge1 to rouge9, rougeL and rougeLsum"), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RougeType.of("rouge0"));
        assertThrows(IllegalArgumentException.class, () -> RougeType.ngram(10));
        assertEquals(3, RougeType.of("rouge3").ngramOrder().getAsInt());
        assertTrue(RougeType.ROUGE_LSUM.ngramOrder().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new RougeScorer(List.of(), true));
        assertThrows(IllegalArgumentException.class, () -> RougeScorer.standard(true).scoreMulti(List.of(), "a"));
    }

    @Test
    void theSignatureSaysWhichVariant() {
        assertEquals("rouge-score:0.1.2|types:rouge1,rouge2,rougeL,rougeLsum|stemmer:nltk-porter|lsum-split:newline",
                RougeScorer.standard(true).signature());
        RougeScorer plain = new RougeScorer(List.of(RougeType.ROUGE_L, RougeType.ROUGE_L), false);
        assertEquals("rouge-score:0.1.2|types:rougeL|stemmer:none|lsum-split:newline", plain.signature());
        assertEquals(List.of(RougeType.ROUGE_L), plain.types());
    }
}
