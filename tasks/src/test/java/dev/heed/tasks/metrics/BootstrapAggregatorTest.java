package dev.heed.tasks.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The corpus figure and its seeded interval; {@code RougeFixturesTest} checks both against numpy's. */
class BootstrapAggregatorTest {

    private static final RougeScorer SCORER = RougeScorer.standard(true);
    private static final List<String[]> DOCUMENTS = List.of(
            new String[] {"the cat sat on the mat", "the cat sat"},
            new String[] {"a dog barked at the postman", "the dog barked loudly"},
            new String[] {"prices rose by 3 percent in May", "prices rose 3 percent"},
            new String[] {"the government reported studies", "governments report a study"},
            new String[] {"nothing in common", "entirely different words"},
            new String[] {"it rained all day in Paris", "it rained in Paris all day"});

    private static BootstrapAggregator aggregator(long seed) {
        BootstrapAggregator aggregator = new BootstrapAggregator(seed);
        for (String[] d : DOCUMENTS) {
            aggregator.add(SCORER.score(d[0], d[1]));
        }
        return aggregator;
    }

    @Test
    void theMeanIsThePlainMeanOfTheDocumentsAndTheIntervalHoldsIt() {
        RougeAggregate rouge1 = aggregator(7).aggregate().get(RougeType.ROUGE_1);
        double sum = 0;
        for (String[] d : DOCUMENTS) {
            sum += SCORER.score(d[0], d[1]).get(RougeType.ROUGE_1).fmeasure();
        }
        assertEquals(sum / DOCUMENTS.size(), rouge1.mean().fmeasure());
        assertTrue(rouge1.low().fmeasure() < rouge1.mean().fmeasure()
                && rouge1.mean().fmeasure() < rouge1.high().fmeasure(), rouge1.toString());
    }

    @Test
    void theSameSeedGivesTheSameFiguresAndAnotherSeedOnlyAnotherInterval() {
        Map<RougeType, RougeAggregate> first = aggregator(7).aggregate();
        assertEquals(first, aggregator(7).aggregate());
        BootstrapAggregator again = aggregator(7);
        assertEquals(again.aggregate(), again.aggregate());
        Map<RougeType, RougeAggregate> other = aggregator(8).aggregate();
        assertEquals(first.get(RougeType.ROUGE_L).mean(), other.get(RougeType.ROUGE_L).mean());
        assertNotEquals(first.get(RougeType.ROUGE_L).low(), other.get(RougeType.ROUGE_L).low());
    }

    @Test
    void oneDocumentIsItsOwnIntervalAndANarrowLevelANarrowInterval() {
        BootstrapAggregator one = new BootstrapAggregator(1);
        Map<RougeType, RougeScore> scores = SCORER.score("the cat sat on the mat", "the cat sat");
        one.add(scores);
        RougeAggregate a = one.aggregate().get(RougeType.ROUGE_2);
        assertEquals(new RougeAggregate(scores.get(RougeType.ROUGE_2), scores.get(RougeType.ROUGE_2),
                scores.get(RougeType.ROUGE_2)), a);
        RougeAggregate wide = aggregator(3).aggregate().get(RougeType.ROUGE_1);
        BootstrapAggregator narrow = new BootstrapAggregator(0.5, 1000, 3);
        DOCUMENTS.forEach(d -> narrow.add(SCORER.score(d[0], d[1])));
        RougeAggregate n = narrow.aggregate().get(RougeType.ROUGE_1);
        assertTrue(wide.low().fmeasure() < n.low().fmeasure() && n.high().fmeasure() < wide.high().fmeasure());
    }

    @Test
    void badUseIsRefusedWithTheFix() {
        assertThrows(IllegalArgumentException.class, () -> new BootstrapAggregator(1.5, 1000, 1));
        assertThrows(IllegalArgumentException.class, () -> new BootstrapAggregator(0.95, 0, 1));
        IllegalStateException empty = assertThrows(IllegalStateException.class,
                () -> new BootstrapAggregator(1).aggregate());
        assertTrue(empty.getMessage().contains("add the scores"), empty.getMessage());
        BootstrapAggregator aggregator = aggregator(1);
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class, () -> aggregator.add(
                new RougeScorer(List.of(RougeType.ROUGE_1), true).score("a b", "a")));
        assertTrue(mixed.getMessage().contains("same RougeScorer"), mixed.getMessage());
        assertEquals(DOCUMENTS.size(), aggregator.size());
    }
}
