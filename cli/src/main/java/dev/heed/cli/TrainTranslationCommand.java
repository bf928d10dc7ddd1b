package dev.heed.cli;

import dev.heed.tasks.seq2seq.DevMetric;
import dev.heed.tasks.seq2seq.ParallelCorpus;
import dev.heed.tasks.seq2seq.Seq2SeqTrainingOptions;

import dev.heed.tasks.translation.TranslationModelWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code heed train translation}: an encoder-decoder translation model from scratch. */
@Command(name = "translation", mixinStandardHelpOptions = true,
        description = {"Train a translation model from scratch: an encoder with per-token states (bigru,"
                + " transformer) feeding a GRU decoder with input feeding or a Transformer decoder, attending by"
                + " --attention; a joint byte-level BPE; label smoothing, Adam with warm-up and inverse-square-root"
                + " decay, global-norm clipping, early stopping on dev BLEU, checkpoint averaging. Writes a model"
                + " directory (model.json, tokenizer.json, weights.safetensors, README.md with this command and the"
                + " dev BLEU and chrF).",
                "Data: PREFIX.SRC and PREFIX.TGT (or .gz), one sentence a line, line-aligned; e.g. --train"
                        + " ../shared/data/multi30k/train --languages de-en reads train.de.gz and train.en.gz."})
final class TrainTranslationCommand implements Callable<Integer> {

    @Option(names = "--train", required = true, paramLabel = "PREFIX", description = "Training data prefix.")
    String train;

    @Option(names = "--dev", required = true, paramLabel = "PREFIX",
            description = "Dev data prefix, for early stopping.")
    String dev;

    @Option(names = "--languages", required = true, paramLabel = "SRC-TGT", description = "e.g. de-en.")
    String languages;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The model directory to write.")
    Path out;

    @CommandLine.Mixin
    Seq2SeqTrainingFlags flags = new Seq2SeqTrainingFlags();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String[] pair = languages.split("-");
        if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--languages must be SRC-TGT, e.g. de-en");
        }
        Seq2SeqTrainingOptions options;
        try {
            options = flags.options(0, 0f, 1);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Path trainSource = file(train, pair[0]);
        ParallelCorpus read = ParallelCorpus.read(trainSource, file(train, pair[1]));
        ParallelCorpus trainData = flags.limit > 0 && flags.limit < read.size()
                ? new ParallelCorpus(read.sources().subList(0, flags.limit), read.targets().subList(0, flags.limit)) : read;
        ParallelCorpus devData = ParallelCorpus.read(file(dev, pair[0]), file(dev, pair[1]));
        PrintWriter err = spec.commandLine().getErr();
        String command = "heed " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        String modelName = flags.name != null ? flags.name : out.toAbsolutePath().getFileName().toString();
        return Seq2SeqTrainingRun.run(options, DevMetric.bleuAndChrf(), trainData, devData, out, err,
                result -> TranslationModelWriter.write(result, options, modelName, languages, command, trainSource, out,
                        flags.weightsType));
    }

    /** {@code PREFIX.lang}, or {@code PREFIX.lang.gz} when only that exists. */
    static Path file(String prefix, String language) throws IOException {
        Path plain = Path.of(prefix + "." + language);
        Path gz = Path.of(prefix + "." + language + ".gz");
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new java.nio.file.NoSuchFileException(plain.toString(), null, "neither it nor " + gz + " exists");
    }
}
