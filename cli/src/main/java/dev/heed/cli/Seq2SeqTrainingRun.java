package dev.heed.cli;

import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelLoadException;
import dev.heed.tasks.seq2seq.DevMetric;
import dev.heed.tasks.seq2seq.ParallelCorpus;
import dev.heed.tasks.seq2seq.Seq2SeqTrainer;
import dev.heed.tasks.seq2seq.Seq2SeqTrainingOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run that {@code heed train translation} and {@code heed train summarization} share: progress lines on
 * standard error, the best model so far written after every better epoch (a run that is stopped leaves it on disk),
 * the final model written and verified, and no folder that looks like a model when the run fails.
 */
final class Seq2SeqTrainingRun {

    /** Writes a result as the task's model directory. */
    interface ModelWriter {
        ModelDirectory write(Seq2SeqTrainer.Result result) throws IOException, ModelLoadException;
    }

    private Seq2SeqTrainingRun() {
    }

    /** Trains on {@code train}, chooses by {@code metric} on {@code dev}, writes into {@code out}; the exit code. */
    static int run(Seq2SeqTrainingOptions options, DevMetric metric, ParallelCorpus train, ParallelCorpus dev,
            Path out, PrintWriter err, ModelWriter writer) throws Exception {
        return TrainingOutput.guard(out, () -> {
            Files.createDirectories(out);
            return new Seq2SeqTrainer(options, metric, line -> {
                err.println("heed: " + line);
                err.flush();
            }).checkpointing(best -> {
                try {
                    writer.write(best);
                    err.printf("heed: wrote the best model so far (%s, dev %s %.2f, greedy search) to %s%n",
                            best.chosen(), metric.name(), best.devScore(), out);
                } catch (IOException | ModelLoadException e) {
                    err.println("heed: could not write the best model so far: " + e.getMessage());
                }
                err.flush();
            }).train(train, dev, out, result -> {
                try {
                    ModelDirectory model = writer.write(result);
                    err.printf("heed: wrote %s: dev %s %.2f, %s %.2f (%s, greedy search), %.0f s%n", model.path(),
                            metric.name(), result.devScore(), metric.secondName(), result.devSecondScore(),
                            result.chosen(), result.seconds());
                    err.flush();
                    return ExitCodes.OK;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (ModelLoadException e) {
                    throw new IllegalStateException("the written model does not verify: " + e.getMessage(), e);
                }
            });
        });
    }
}
