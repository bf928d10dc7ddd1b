package dev.heed.cli;

import dev.heed.tasks.seq2seq.DecodeOptions;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The search options that every command decoding with an encoder-decoder shares ({@code heed translate},
 * {@code heed summarize}, {@code heed eval translation|summarization}): beam, GNMT length and coverage penalties,
 * no-repeat-ngram and the repetition guard; and the one place that turns them, with a command's own length and
 * n-best settings, into {@link DecodeOptions}, refusing a bad value with one line that names the option. The beam
 * and no-repeat-ngram defaults are the task's: translation beam 5 and no n-gram rule, summarization beam 4 (See et
 * al. 2017) and no repeated trigram.
 */
final class SearchOptions {

    @Option(names = "--beam", paramLabel = "N",
            description = "Beam size; 1 = greedy (default: 5 for translation, 1 for summarization).")
    Integer beam;

    @Option(names = "--length-penalty", paramLabel = "ALPHA",
            description = "GNMT length penalty alpha (default: 0.6 for translation, 2.0 for summarization).")
    Double lengthPenalty;

    @Option(names = "--coverage-penalty", defaultValue = "0", paramLabel = "BETA",
            description = "GNMT coverage penalty beta, from the attention (default: ${DEFAULT-VALUE}).")
    double coveragePenalty;

    @Option(names = "--no-repeat-ngram", paramLabel = "N", description = "Never repeat an n-gram of subwords of this"
            + " size; 0 = off (default: 0 for translation, 3 for summarization).")
    Integer noRepeatNgram;

    @Option(names = "--max-repeat", defaultValue = "3", paramLabel = "N",
            description = "A block of 1 to 4 subwords stands at most N times back to back: the guard against "
                    + "degenerate output such as 'MANAAAINIIINEEEE' (0 = off; default: ${DEFAULT-VALUE}).")
    int maxRepeat;

    /** A task's defaults for the options not given. */
    record Defaults(int beam, double lengthPenalty, int noRepeatNgram) {
    }

    /** Translation's defaults: beam 5, length penalty 0.6, no n-gram rule. */
    static final Defaults TRANSLATION = new Defaults(5, 0.6, 0);
    /**
     * Summarization's defaults: greedy search, no repeated trigram (the shipped aeslc scores AESLC dev ROUGE-1 27.05
     * greedy against 27.51 at beam 4 with length penalty 2.0, within the intervals and 3.3 times slower;
     * aeslc-pointer-generator 21.60 against 20.10, and 0.6 does worse: its beam prefers the shortest subjects); the
     * length penalty 2.0 applies when --beam is raised.
     */
    static final Defaults SUMMARIZATION = new Defaults(1, 2.0, 3);

    /** These options with {@code maxLength}, {@code minLength} and {@code nBest}, checked; translation's defaults. */
    DecodeOptions decodeOptions(CommandLine.Model.CommandSpec spec, int maxLength, int minLength, int nBest) {
        return decodeOptions(spec, maxLength, minLength, nBest, TRANSLATION);
    }

    /**
     * These options with {@code maxLength}, {@code minLength} and {@code nBest}, checked; {@code defaults} gives the
     * beam, length penalty and no-repeat-ngram of options not given ({@link #TRANSLATION}, {@link #SUMMARIZATION}).
     */
    DecodeOptions decodeOptions(CommandLine.Model.CommandSpec spec, int maxLength, int minLength, int nBest,
            Defaults defaults) {
        int beam = this.beam != null ? this.beam : defaults.beam();
        int noRepeatNgram = this.noRepeatNgram != null ? this.noRepeatNgram : defaults.noRepeatNgram();
        double lengthPenalty = this.lengthPenalty != null ? this.lengthPenalty : defaults.lengthPenalty();
        java.util.function.Function<String, CommandLine.ParameterException> usage =
                m -> new CommandLine.ParameterException(spec.commandLine(), m);
        if (beam < 1) {
            throw usage.apply("--beam must be 1 or more (1 = greedy), got " + beam);
        }
        if (nBest < 1 || nBest > beam) {
            throw usage.apply("--n-best must be between 1 and the --beam (" + beam + "), got " + nBest
                    + ": raise --beam to at least " + Math.max(1, nBest) + " or lower --n-best");
        }
        if (minLength < 0 || minLength >= maxLength) {
            throw usage.apply("--min-length must be 0 or more and below --max-length (" + maxLength + "), got "
                    + minLength);
        }
        if (!(lengthPenalty >= 0) || !(coveragePenalty >= 0)) {
            throw usage.apply("--length-penalty and --coverage-penalty must be 0 or more, got " + lengthPenalty
                    + " and " + coveragePenalty);
        }
        if (noRepeatNgram < 0) {
            throw usage.apply("--no-repeat-ngram must be 0 (off) or more, got " + noRepeatNgram);
        }
        if (maxRepeat < 0) {
            throw usage.apply("--max-repeat must be 0 (off) or more, got " + maxRepeat);
        }
        return new DecodeOptions(beam, maxLength, minLength, lengthPenalty, coveragePenalty, noRepeatNgram, nBest,
                false, maxRepeat);
    }
}
