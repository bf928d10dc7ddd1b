package dev.heed.cli;

import dev.heed.io.ReadOutcome;
import dev.heed.io.ReaderOptions;
import dev.heed.io.Record;
import dev.heed.io.RecordFormat;
import dev.heed.io.RecordReader;
import dev.heed.text.CoreNlpWordTokenizer;
import dev.heed.text.WordTokenizer;
import dev.heed.text.vocab.BpeConfig;
import dev.heed.text.vocab.BpeModel;
import dev.heed.text.vocab.BpeTrainer;
import dev.heed.text.vocab.TokenizerJsonWriter;
import dev.heed.text.vocab.WordVocabulary;
import dev.heed.text.vocab.WordVocabularyBuilder;
import dev.heed.text.vocab.WordVocabularyConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code heed vocab}: learn a vocabulary from text files and write it as a HuggingFace tokenizer.json. */
@Command(name = "vocab", mixinStandardHelpOptions = true,
        description = "Learn a vocabulary from plain-text files (one sentence a line, gzip or not) and write it"
                + " as a standard HuggingFace tokenizer.json.",
        subcommands = {VocabCommand.Bpe.class, VocabCommand.Words.class})
final class VocabCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options both vocabulary commands share: training files, output file. */
    static final class VocabFiles {
        @Option(names = "--input", required = true, split = ",", paramLabel = "FILE[,FILE...]",
                description = "Training text, one sentence a line, gzip or not; several files are learned jointly.")
        List<Path> inputs;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The tokenizer.json to write.")
        Path out;

        @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec spec;
    }

    static List<String> lines(List<Path> inputs) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path input : inputs) {
            try (RecordReader reader = RecordReader.open(input, ReaderOptions.of(RecordFormat.TEXT))) {
                for (ReadOutcome o; (o = reader.next()) != null; ) {
                    if (o instanceof Record r) {
                        lines.add(r.text());
                    }
                }
            }
        }
        return lines;
    }

    @Command(name = "bpe", mixinStandardHelpOptions = true,
            description = "Byte-level BPE (GPT-2 style: any text encodes, no unknown token).")
    static final class Bpe implements Callable<Integer> {
        @CommandLine.Mixin
        VocabFiles files;

        @Option(names = "--size", defaultValue = "10000", description = "Target vocabulary size (default: ${DEFAULT-VALUE}).")
        int size;

        @Option(names = "--min-frequency", defaultValue = "2", description = "Pairs seen less often are not merged (default: ${DEFAULT-VALUE}).")
        int minFrequency;

        @Option(names = "--lowercase", description = "Lower-case text before encoding.")
        boolean lowercase;


        @Override
        public Integer call() throws IOException {
            long start = System.nanoTime();
            List<String> lines = lines(files.inputs);
            BpeModel bpe = new BpeTrainer(new BpeConfig(size, minFrequency, BpeConfig.DEFAULT_SPECIALS, lowercase))
                    .train(lines);
            TokenizerJsonWriter.writeByteLevelBpe(bpe, files.out);
            PrintWriter err = files.spec.commandLine().getErr();
            err.printf("heed: learned %,d tokens (%,d merges) from %,d lines in %.1f s; wrote %s%n",
                    bpe.vocabulary().size(), bpe.merges().size(), lines.size(), (System.nanoTime() - start) / 1e9, files.out);
            err.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "words", mixinStandardHelpOptions = true,
            description = "Word-level vocabulary of CoreNLP's normalized words (or of whitespace-separated"
                    + " tokens with --pretokenized). Heed reads text through CoreNLP before looking words up"
                    + " (heed tokenize --tokenizer FILE does); the file's own pre-tokenizer splits on whitespace only.")
    static final class Words implements Callable<Integer> {
        @CommandLine.Mixin
        VocabFiles files;

        @Option(names = "--min-count", defaultValue = "1", description = "Rarer words are left out (default: ${DEFAULT-VALUE}).")
        int minCount;

        @Option(names = "--max-size", defaultValue = "50000", description = "Largest vocabulary, special tokens included (default: ${DEFAULT-VALUE}).")
        int maxSize;

        @Option(names = "--pretokenized", description = "The text is already tokenized: split on whitespace.")
        boolean pretokenized;


        @Override
        public Integer call() throws IOException {
            long start = System.nanoTime();
            List<String> lines = lines(files.inputs);
            WordVocabularyBuilder builder = new WordVocabularyBuilder(WordVocabularyConfig.of(minCount, maxSize));
            WordTokenizer tokenizer = pretokenized ? null : new CoreNlpWordTokenizer();
            for (String line : lines) {
                builder.add(pretokenized ? Arrays.asList(line.strip().split("\\s+"))
                        : tokenizer.words(line).stream().map(t -> WordVocabulary.key(t.normalized())).toList());
            }
            WordVocabulary vocabulary = builder.build();
            TokenizerJsonWriter.writeWordLevel(vocabulary, true, files.out);
            PrintWriter err = files.spec.commandLine().getErr();
            err.printf("heed: %,d words from %,d lines in %.1f s; wrote %s%n", vocabulary.size(), lines.size(),
                    (System.nanoTime() - start) / 1e9, files.out);
            if (!pretokenized) {
                err.printf("heed: its words are CoreNLP's normalized words (lower case, PTB escapes such as -lrb-):"
                        + " Heed reads text through CoreNLP before looking them up (heed tokenize --tokenizer %s,"
                        + " word-level models); the file's own pre-tokenizer splits on whitespace only, for text"
                        + " tokenized that way already%n", files.out);
            }
            err.flush();
            return ExitCodes.OK;
        }
    }
}
