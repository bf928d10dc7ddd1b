package dev.heed.cli;

import dev.heed.tasks.seq2seq.DecodeOptions;

import dev.heed.tasks.embedding.TooLongException;
import dev.heed.tasks.translation.Translation;
import dev.heed.tasks.translation.TranslationModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The hypotheses of {@code heed eval translation}: one per source line, in order. An empty (blank) source line
 * gets an empty hypothesis without reaching the model, and still counts in the corpus scores, as an empty
 * hypothesis line counts in sacreBLEU's. A line the model refuses (a sentence longer than it takes) fails the
 * run with an {@link IllegalArgumentException} that names the file and the line.
 *
 * @param hypotheses the translations, one per source line, empty for an empty source line
 * @param emptySources how many source lines were empty
 */
record EvalHypotheses(List<String> hypotheses, int emptySources) {

    EvalHypotheses {
        hypotheses = List.copyOf(hypotheses);
    }

    /** Translates {@code sources}, the lines of {@code file}, {@code batchSize} non-empty lines at a time. */
    static EvalHypotheses translate(TranslationModel model, List<String> sources, Path file, DecodeOptions options,
            int batchSize) {
        List<String> out = new ArrayList<>(Collections.nCopies(sources.size(), ""));
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (!TranslationModel.isEmptyText(sources.get(i))) {
                lines.add(i);
            }
        }
        for (int from = 0; from < lines.size(); from += batchSize) {
            List<Integer> batch = lines.subList(from, Math.min(lines.size(), from + batchSize));
            List<Translation> translated = translateBatch(model, sources, batch, file, options);
            for (int k = 0; k < batch.size(); k++) {
                out.set(batch.get(k), translated.get(k).text());
            }
        }
        return new EvalHypotheses(out, sources.size() - lines.size());
    }

    private static List<Translation> translateBatch(TranslationModel model, List<String> sources, List<Integer> batch,
            Path file, DecodeOptions options) {
        try {
            return model.translate(batch.stream().map(sources::get).toList(), options);
        } catch (TooLongException | IllegalArgumentException e) {
            for (int line : batch) { // find the line at fault, to name it
                try {
                    model.translate(List.of(sources.get(line)), options);
                } catch (TooLongException | IllegalArgumentException single) {
                    throw new IllegalArgumentException(file + " line " + (line + 1) + ": " + single.getMessage(),
                            single);
                }
            }
            throw e;
        }
    }
}
