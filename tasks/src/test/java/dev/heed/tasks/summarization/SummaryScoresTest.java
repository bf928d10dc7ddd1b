package dev.heed.tasks.summarization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heed.tasks.metrics.RougeScorer;
import dev.heed.tasks.metrics.RougeType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation figures of summarization, worked out by hand, and the data reader's errors. */
class SummaryScoresTest {

    @TempDir
    Path dir;

    private SummarizationData data(String... lines) throws IOException {
        Path file = dir.resolve("data.jsonl");
        Files.write(file, List.of(lines));
        return SummarizationData.read(file);
    }

    @Test
    void repeatedTrigramsCopiedWordsAndBothReferenceProtocols() throws Exception {
        SummarizationData d = data(
                "{\"id\":\"a\",\"text\":\"the gas deal closes friday\",\"summary\":\"gas deal\","
                        + "\"references\":[\"friday closing\"]}",
                "{\"id\":\"b\",\"text\":\"lunch on monday\",\"summary\":\"lunch\"}");
        // a b c a b c: trigrams abc bca cab abc -> 1 of 4 repeats; "x y" has none
        SummaryScores s = SummaryScores.of(List.of("gas deal friday gas deal friday", "lunch plans"), d, 7);
        assertEquals(1.0 / 4, s.repeatedTrigrams(), 1e-12);
        // words found in their document: 6 of 6, then 1 of 2
        assertEquals(7.0 / 8, s.copiedWords(), 1e-12);
        assertEquals(4.0, s.meanWords(), 1e-12);
        RougeScorer scorer = new RougeScorer(List.of(RougeType.ROUGE_1), true);
        double first = scorer.score("gas deal", "gas deal friday gas deal friday").get(RougeType.ROUGE_1).fmeasure();
        double second = scorer.score("lunch", "lunch plans").get(RougeType.ROUGE_1).fmeasure();
        assertEquals((first + second) / 2, s.original().get(RougeType.ROUGE_1).mean().fmeasure(), 1e-12);
        double bestFirst = Math.max(first, scorer.score("friday closing", "gas deal friday gas deal friday")
                .get(RougeType.ROUGE_1).fmeasure());
        assertEquals((bestFirst + second) / 2, s.allReferences().get(RougeType.ROUGE_1).mean().fmeasure(), 1e-12);
        assertEquals(2, s.documents());
    }

    @Test
    void lead1IsTheFirstLineWithAWord() {
        assertEquals("Hi Phillip,", SummaryScores.lead1("\n  \nHi Phillip,\nThe meeting is at 9."));
        assertEquals("", SummaryScores.lead1("  \n "));
    }

    @Test
    void badLinesAreNamedByFileAndLine() throws Exception {
        IOException e = assertThrows(IOException.class, () -> data("{\"text\":\"a\",\"summary\":\"b\"}", "",
                "{\"text\":\"a\"}"));
        assertTrue(e.getMessage().endsWith("data.jsonl:3: needs a string \"summary\""), e.getMessage());
        e = assertThrows(IOException.class, () -> data("{\"text\":\"a\",\"summary\":\"b\",\"references\":\"c\"}"));
        assertTrue(e.getMessage().contains("data.jsonl:1") && e.getMessage().contains("references"), e.getMessage());
        e = assertThrows(IOException.class, () -> data("not json"));
        assertTrue(e.getMessage().contains("data.jsonl:1: not a JSON object"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SummaryScores.of(List.of("x"), data(
                "{\"text\":\"a\",\"summary\":\"b\"}", "{\"text\":\"a\",\"summary\":\"b\"}"), 1));
    }
}
