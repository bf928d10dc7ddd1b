package dev.heed.tasks.summarization;

import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelLoadException;
import dev.heed.tasks.seq2seq.DecoderConfig;
import dev.heed.tasks.seq2seq.Seq2SeqModelWriter;
import dev.heed.tasks.seq2seq.Seq2SeqTrainer;
import dev.heed.tasks.seq2seq.Seq2SeqTrainingOptions;
import dev.heed.tensor.DType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Writes a trained summarization model as a model directory with its manifest and model card. Stateless. */
public final class SummarizationModelWriter {

    private SummarizationModelWriter() {
    }

    /**
     * Writes {@code result} into {@code out}, weights stored as {@code weightsType}.
     *
     * @param command the exact command that trained it
     * @param trainFile the training data, fingerprinted in the provenance
     */
    public static ModelDirectory write(Seq2SeqTrainer.Result result, Seq2SeqTrainingOptions options, String name,
            String command, Path trainFile, Path out, DType weightsType) throws IOException, ModelLoadException {
        return Seq2SeqModelWriter.write(result, options, "summarization", name, description(result),
                Map.of("maxSourceTokens", options.truncateSourceTo()), card(name, result, options, command), command,
                trainFile, out, weightsType);
    }

    static String description(Seq2SeqTrainer.Result result) {
        DecoderConfig d = result.model().decoder().config();
        return "summarization: " + result.model().encoder().spec().name() + " encoder, " + d.type() + " decoder with "
                + d.attention() + " attention" + (d.copy() ? ", copy (pointer-generator)" : "")
                + (d.coverage() ? ", coverage" : "");
    }

    private static String card(String name, Seq2SeqTrainer.Result r, Seq2SeqTrainingOptions o, String command) {
        DecoderConfig d = r.model().decoder().config();
        return """
                # %s

                A summarization model trained by Heed%s: a %s encoder and a %s decoder with %s
                cross-attention%s%s (full configs in `model.json`), %s. It reads a document (the first %d subwords;
                longer ones are cut and the cut is counted) and writes a short summary.

                ## Trained by

                ```
                %s
                ```

                Seed %d, %.0f s of training on this machine (2 cores), %,d training pairs (%,d left out: empty or a
                summary longer than %d subwords; %,d documents cut to their first %d subwords). %s Weights kept: %s.

                ## Dev metrics (greedy search, during training)

                ROUGE-1 F1 %.2f, ROUGE-L F1 %.2f (rouge-score with stemming, mean over documents, against the original
                summary only). `heed eval summarization` gives the full table at beam search.

                ## Training log

                %s
                """.formatted(name, o.encoderInit().map(e -> " on the pretrained encoder " + e + " ("
                        + (o.freezeEncoder() ? "frozen" : "fine-tuned") + "; decoder from scratch"
                        + (o.freezeDecoderEmbeddings() ? ", its embeddings fixed to the encoder's" : "") + ")")
                        .orElse(" from scratch"),
                r.model().encoder().spec().name(), d.type(), d.attention(),
                d.copy() ? ", a copy mechanism (pointer-generator, See et al. 2017)" : "",
                d.coverage() ? " and coverage" : "", Seq2SeqModelWriter.describe(r.vocabularies()),
                o.truncateSourceTo(), command, o.seed(), r.seconds(), r.trainPairs(), r.leftOut(), o.maxTrainTokens(),
                r.truncated(), o.truncateSourceTo(), d.coverage() ? "Coverage loss weight %.2f from epoch %d."
                        .formatted(o.coverageLossWeight(), o.coverageFromEpoch()) : "No coverage.", r.chosen(),
                r.devScore(), r.devSecondScore(),
                String.join("\n", r.log().stream().map(l -> "- " + l).toList()));
    }
}
