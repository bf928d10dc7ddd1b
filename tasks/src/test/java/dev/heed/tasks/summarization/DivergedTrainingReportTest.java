package dev.heed.tasks.summarization;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heed.tasks.seq2seq.ParallelCorpus;
import dev.heed.tasks.seq2seq.Seq2SeqTrainer;
import dev.heed.tasks.seq2seq.Seq2SeqTrainingOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that diverges says which batch did it: with the tests' tolerance of 0 (see {@code SkippedBatches}), the
 * first non-finite batch stops training with an error that names what was not finite and the batch's training
 * records, 1-based in the order of the training file.
 */
class DivergedTrainingReportTest {

    @TempDir
    Path tmp;

    @Test
    void theFirstNonFiniteBatchNamesWhatWasNotFiniteAndItsTrainingRecords() {
        List<String> sources = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            sources.add("please review the budget number " + i + " before friday and send it back");
            targets.add("budget " + i);
        }
        ParallelCorpus train = new ParallelCorpus(sources, targets);
        ParallelCorpus dev = new ParallelCorpus(List.of(sources.get(0)), List.of(targets.get(0)));
        // a learning rate of 1e37: the first update throws the weights out of range and the next batch overflows
        Seq2SeqTrainingOptions options = new Seq2SeqTrainingOptions("bigru", Map.of("hiddenSize", "16",
                "embeddingDim", "8"), "gru", "additive", Map.of("embeddingDim", "8", "attentionDim", "8"), 300, 2, 4,
                1e37f, 1, 0.1f, 1f, 3, 1, 40, 0, 7, Optional.empty(), false, false, 0, 1f, 1, Optional.empty(), false,
                0f, false);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Seq2SeqTrainer(options,
                SummarizationMetrics.devMetric(), l -> { }).train(train, dev, tmp, r -> null));
        String message = e.getMessage();
        assertTrue(message.contains("training diverged") && message.contains("lower --lr"), message);
        assertTrue(message.contains("[loss ") || message.contains("[gradient not finite in "), message);
        Matcher records = Pattern.compile("training records ([0-9,]+)\\]").matcher(message);
        assertTrue(records.find(), message);
        int[] named = Arrays.stream(records.group(1).split(",")).mapToInt(Integer::parseInt).toArray();
        assertTrue(named.length >= 1 && named.length <= 4, "a batch of at most 4: " + message);
        for (int record : named) {
            assertTrue(record >= 1 && record <= 24, "a 1-based record of the 24: " + message);
        }
        assertTrue(Arrays.stream(named).distinct().count() == named.length, "each record once: " + message);
    }
}
