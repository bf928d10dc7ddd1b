package dev.heed.tasks.translation;

import dev.heed.tasks.seq2seq.DecoderConfig;
import dev.heed.tasks.seq2seq.Seq2SeqModelWriter;
import dev.heed.tasks.seq2seq.Seq2SeqTrainer;
import dev.heed.tasks.seq2seq.Seq2SeqTrainingOptions;

import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelLoadException;
import dev.heed.tensor.DType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Writes a trained translation model as a model directory with its manifest and model card. */
public final class TranslationModelWriter {

    /** The name of the vectorizer component: a joint byte-level BPE for both sides. */
    public static final String CODEC = Seq2SeqModelWriter.CODEC;

    private TranslationModelWriter() {
    }

    /**
     * Writes {@code result} into {@code out}, weights stored as {@code weightsType}.
     *
     * @param languages {@code "de-en"}, for the card and the manifest
     * @param command the exact command that trained it
     * @param trainFile the training source file, fingerprinted in the provenance
     */
    public static ModelDirectory write(Seq2SeqTrainer.Result result, Seq2SeqTrainingOptions options,
            String name, String languages, String command, Path trainFile, Path out, DType weightsType)
            throws IOException, ModelLoadException {
        DecoderConfig decoder = result.model().decoder().config();
        String description = languages + " translation: " + result.model().encoder().spec().name() + " encoder, "
                + decoder.type() + " decoder with " + decoder.attention() + " attention";
        return Seq2SeqModelWriter.write(result, options, "translation", name, description,
                Map.of("languages", languages), card(name, languages, result, options, command), command, trainFile,
                out, weightsType);
    }

    private static String card(String name, String languages, Seq2SeqTrainer.Result r,
            Seq2SeqTrainingOptions o, String command) {
        DecoderConfig d = r.model().decoder().config();
        return """
                # %s

                A %s translation model trained by Heed from scratch on Multi30k-style parallel data: a %s encoder and
                a %s decoder with %s cross-attention (full configs in `model.json`), %s. It reads raw text and
                writes cased, detokenized text.

                ## Trained by

                ```
                %s
                ```

                Seed %d, %.0f s of training on this machine (2 cores), %,d training pairs (%,d left out: empty or
                longer than %d subwords). Weights kept: %s.

                ## Dev metrics (greedy search)

                sacreBLEU %.2f (%s), chrF %.2f (%s).

                ## Training log

                %s
                """.formatted(name, languages, r.model().encoder().spec().name(), d.type(), d.attention(),
                Seq2SeqModelWriter.describe(r.vocabularies()), command, o.seed(), r.seconds(), r.trainPairs(), r.leftOut(), o.maxTrainTokens(),
                r.chosen(), r.devScore(), dev.heed.tasks.metrics.Bleu.sacre().signature(), r.devSecondScore(),
                new dev.heed.tasks.metrics.Chrf().signature(),
                String.join("\n", r.log().stream().map(l -> "- " + l).toList()));
    }

}
