package dev.heed.cli;

import dev.heed.tasks.seq2seq.DecodeOptions;
import dev.heed.tasks.seq2seq.ParallelCorpus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.json.HeedJson;
import dev.heed.tasks.metrics.Bleu;
import dev.heed.tasks.metrics.BleuScore;
import dev.heed.tasks.metrics.Chrf;
import dev.heed.tasks.metrics.ChrfScore;
import dev.heed.tasks.translation.TranslationModel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code heed eval translation}: sacreBLEU, chrF and lower-cased BLEU of a model on parallel data. */
@Command(name = "translation", mixinStandardHelpOptions = true,
        description = {"Translate PREFIX.SRC and score it against PREFIX.TGT (the model's languages unless"
                + " --languages): BLEU and chrF as sacreBLEU computes them (13a, exponential smoothing, corpus level;"
                + " signatures printed) and lower-cased BLEU (sacreBLEU -lc, the Multi30k literature's protocol"
                + " with 13a in place of Moses tokenization); speed in sentences and target tokens per second.",
                "An empty source line is scored as an empty translation (as sacreBLEU scores an empty hypothesis"
                + " line) and counted in the summary; a line the model refuses stops the run, naming file and line."})
final class EvalTranslationCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "multi30k-en-de", paramLabel = "NAME|DIR",
            description = "A named model or a directory written by heed train translation (default: ${DEFAULT-VALUE}).")
    String model;
    @Option(names = "--data", required = true, paramLabel = "PREFIX",
            description = "PREFIX.SRC and PREFIX.TGT, plain or .gz, one sentence a line; e.g. ../shared/data/multi30k/val")
    String data;
    @Option(names = "--languages", paramLabel = "SRC-TGT", description = "The file extensions to read; they must be"
            + " the model's own direction (model.json's languages), which is also the default.")
    String languages;
    @Option(names = "--batch-size", defaultValue = "32", paramLabel = "N",
            description = "Sentences per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--report", paramLabel = "FILE.json", description = "Also write the metrics as JSON.") Path report;
    @Option(names = "--hypotheses", paramLabel = "FILE", description = "Also write the translations, one a line.")
    Path hypotheses;

    @CommandLine.Mixin
    SearchOptions searchOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DecodeOptions options = searchOptions.decodeOptions(spec, 200, 0, 1);
        if (languages != null && languages.split("-").length != 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--languages must be SRC-TGT, e.g. en-de,"
                    + " got '" + languages + "'");
        }
        try (TranslationModel loaded = TranslationModel.load(model)) {
            if (languages != null && !loaded.languages().isEmpty() && !languages.equals(loaded.languages())) {
                // scoring a model on the other direction gives a BLEU near 0 that looks like a broken model
                throw new CommandLine.ParameterException(spec.commandLine(), "--languages " + languages
                        + " is not the direction of " + loaded.name() + ", which translates " + loaded.languages()
                        + ": leave --languages out, or evaluate a " + languages + " model");
            }
            String[] pair = (languages != null ? languages : loaded.languages()).split("-");
            Path sourceFile = TrainTranslationCommand.file(data, pair[0]);
            ParallelCorpus corpus = ParallelCorpus.read(sourceFile, TrainTranslationCommand.file(data, pair[1]));
            long start = System.nanoTime();
            EvalHypotheses translated = EvalHypotheses.translate(loaded, corpus.sources(), sourceFile, options,
                    batchSize);
            List<String> out = translated.hypotheses();
            double seconds = (System.nanoTime() - start) / 1e9;
            long targetTokens = 0;
            for (String t : out) {
                targetTokens += loaded.countTokens(t); // counted after the clock stops
            }
            BleuScore bleu = Bleu.sacre().score(out, corpus.targets());
            BleuScore lowercased = Bleu.lowercased().score(out, corpus.targets());
            ChrfScore chrf = new Chrf().corpusScore(out, List.of(corpus.targets()));
            PrintWriter w = spec.commandLine().getOut();
            int beam = options.beam();
            w.printf("model %s on %s.%s -> %s: %,d sentences, beam %d%n", loaded.name(), data, pair[0], pair[1],
                    corpus.size(), beam);
            if (translated.emptySources() > 0) {
                w.printf("%,d empty source lines in %s: each scored as an empty translation%n",
                        translated.emptySources(), sourceFile);
            }
            String search = beam == 1 ? "greedy" : "beam " + beam;
            w.printf("%s (%s)%n  signature BLEU|%s%n", bleu, search, bleu.signature());
            w.printf("%s (%s)%n  signature chrF2|%s%n", chrf, search, chrf.signature());
            w.printf("lower-cased %s (%s)%n  signature BLEU|%s%n", lowercased, search, lowercased.signature());
            w.printf("%.1f s: %.1f sentences/s, %.0f target subwords/s%n", seconds, corpus.size() / seconds,
                    targetTokens / seconds);
            w.flush();
            if (hypotheses != null) {
                Files.write(hypotheses, out);
            }
            if (report != null) {
                ObjectNode json = HeedJson.PRETTY.createObjectNode();
                json.put("model", loaded.name()).put("data", data).put("languages", pair[0] + "-" + pair[1])
                        .put("sentences", corpus.size()).put("empty_sources", translated.emptySources())
                        .put("beam", beam).put("search", search)
                        .put("length_penalty", options.lengthPenalty());
                json.putObject("bleu").put("score", bleu.score()).put("signature", bleu.signature())
                        .put("text", bleu.toString());
                json.putObject("chrf").put("score", chrf.score()).put("signature", chrf.signature())
                        .put("text", chrf.toString());
                json.putObject("bleu_lowercased").put("score", lowercased.score())
                        .put("signature", lowercased.signature()).put("text", lowercased.toString());
                json.put("seconds", seconds).put("sentences_per_second", corpus.size() / seconds)
                        .put("target_subwords_per_second", targetTokens / seconds);
                HeedJson.PRETTY.writeValue(report.toFile(), json);
            }
            return ExitCodes.OK;
        }
    }
}
