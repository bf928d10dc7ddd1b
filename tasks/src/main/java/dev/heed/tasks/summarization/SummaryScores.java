package dev.heed.tasks.summarization;

import dev.heed.tasks.metrics.BootstrapAggregator;
import dev.heed.tasks.metrics.RougeAggregate;
import dev.heed.tasks.metrics.RougeScorer;
import dev.heed.tasks.metrics.RougeTokenizer;
import dev.heed.tasks.metrics.RougeType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A summarizer's figures on a labelled set: ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum as rouge-score computes them
 * (stemming on; the mean of per-document precision, recall and F1 with a seeded bootstrap 95% interval), against the
 * original summary alone and against all references (the best F per measure, rouge-score's {@code score_multi});
 * and two figures of how the summaries are made: the share of their trigrams that repeat one before them in the same
 * summary, and the share of their words found in the document (copied).
 *
 * @param documents how many documents were scored
 * @param original ROUGE against the original summary ({@code "summary"}): the protocol of PEGASUS on AESLC
 * @param allReferences ROUGE against the original and the other references, best per measure
 * @param repeatedTrigrams of all summary word trigrams, the share that already occurred in the same summary
 * @param copiedWords of all summary words, the share that occur in the document
 * @param meanWords the mean summary length in words
 * @param signature the rouge-score settings, as {@link RougeScorer#signature()} writes them
 */
public record SummaryScores(int documents, Map<RougeType, RougeAggregate> original,
        Map<RougeType, RougeAggregate> allReferences, double repeatedTrigrams, double copiedWords, double meanWords,
        String signature) {

    /**
     * Scores {@code predictions} (one per example of {@code data}, in order).
     *
     * @param seed the bootstrap's seed
     * @throws IllegalArgumentException when the counts differ
     */
    public static SummaryScores of(List<String> predictions, SummarizationData data, long seed) {
        if (predictions.size() != data.size()) {
            throw new IllegalArgumentException(predictions.size() + " predictions for " + data.size() + " documents");
        }
        RougeScorer scorer = RougeScorer.standard(true);
        BootstrapAggregator single = new BootstrapAggregator(seed);
        BootstrapAggregator multi = new BootstrapAggregator(seed);
        RougeTokenizer words = new RougeTokenizer(false);
        long trigrams = 0;
        long repeated = 0;
        long summaryWords = 0;
        long copied = 0;
        for (int i = 0; i < predictions.size(); i++) {
            String prediction = predictions.get(i);
            single.add(scorer.score(data.summaries().get(i), prediction));
            List<String> references = new ArrayList<>();
            references.add(data.summaries().get(i));
            references.addAll(data.references().get(i));
            multi.add(scorer.scoreMulti(references, prediction));
            List<String> tokens = words.tokenize(prediction);
            Set<String> seen = new HashSet<>();
            for (int t = 0; t + 3 <= tokens.size(); t++) {
                trigrams++;
                if (!seen.add(String.join(" ", tokens.subList(t, t + 3)))) {
                    repeated++;
                }
            }
            Set<String> document = new HashSet<>(words.tokenize(data.texts().get(i)));
            for (String w : tokens) {
                summaryWords++;
                if (document.contains(w)) {
                    copied++;
                }
            }
        }
        return new SummaryScores(predictions.size(), single.aggregate(), multi.aggregate(),
                trigrams == 0 ? 0 : (double) repeated / trigrams, summaryWords == 0 ? 0 : (double) copied / summaryWords,
                predictions.isEmpty() ? 0 : (double) summaryWords / predictions.size(), scorer.signature());
    }

    /** LEAD-1: the first line of {@code document} that holds a word (its first line for AESLC's e-mail bodies). */
    public static String lead1(String document) {
        for (String line : document.split("\n")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "";
    }
}
