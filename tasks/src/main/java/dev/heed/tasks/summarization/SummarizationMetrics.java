package dev.heed.tasks.summarization;

import dev.heed.tasks.metrics.RougeScore;
import dev.heed.tasks.metrics.RougeScorer;
import dev.heed.tasks.metrics.RougeType;
import dev.heed.tasks.seq2seq.DevMetric;
import java.util.List;
import java.util.Map;

/**
 * The scores summarization is trained and chosen by: rouge-score's ROUGE F1 with stemming, the mean over
 * documents, times 100, against one reference per document (the original summary). Stateless.
 */
public final class SummarizationMetrics {

    private SummarizationMetrics() {
    }

    /** ROUGE-1 F1 chooses the epoch; ROUGE-L F1 is reported beside it. */
    public static DevMetric devMetric() {
        return new DevMetric("ROUGE-1", "ROUGE-L", "rouge1", "rougeL", (hypotheses, references) -> {
            RougeScorer scorer = new RougeScorer(List.of(RougeType.ROUGE_1, RougeType.ROUGE_L), true);
            double r1 = 0;
            double rl = 0;
            for (int i = 0; i < hypotheses.size(); i++) {
                Map<RougeType, RougeScore> scores = scorer.score(references.get(i), hypotheses.get(i));
                r1 += scores.get(RougeType.ROUGE_1).fmeasure();
                rl += scores.get(RougeType.ROUGE_L).fmeasure();
            }
            int n = Math.max(1, hypotheses.size());
            return new double[] {100 * r1 / n, 100 * rl / n};
        });
    }
}
