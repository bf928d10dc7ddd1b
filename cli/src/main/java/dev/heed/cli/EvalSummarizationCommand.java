package dev.heed.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.json.HeedJson;
import dev.heed.tasks.metrics.RougeAggregate;
import dev.heed.tasks.metrics.RougeScore;
import dev.heed.tasks.metrics.RougeType;
import dev.heed.tasks.seq2seq.DecodeOptions;
import dev.heed.tasks.summarization.SummarizationData;
import dev.heed.tasks.summarization.SummarizationModel;
import dev.heed.tasks.summarization.Summary;
import dev.heed.tasks.summarization.SummaryScores;
import dev.heed.text.NoTokensException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code heed eval summarization}: ROUGE of a model and of LEAD-1 on labelled documents, in one table. */
@Command(name = "summarization", mixinStandardHelpOptions = true,
        description = {"Summarize the documents of a JSON lines file ({\"text\",\"summary\"[,\"references\"]}) and"
                + " score the summaries as Google's rouge-score does (ROUGE-1, ROUGE-2, ROUGE-L, ROUGE-Lsum F1 with"
                + " stemming; the mean over documents with a seeded bootstrap 95%% interval), against the original"
                + " summary and against all references (best F per measure) side by side, LEAD-1 (the first line of"
                + " the document) in the same table; the share of repeated trigrams and of words found in the"
                + " document (copied); speed in documents per second.",
                "A document with nothing visible (blank, or only invisible characters) is scored as an empty summary and counted; documents longer than the model reads"
                + " are cut to their first subwords and counted."})
final class EvalSummarizationCommand implements Callable<Integer> {

    private static final List<RougeType> TYPES = List.of(RougeType.ROUGE_1, RougeType.ROUGE_2, RougeType.ROUGE_L,
            RougeType.ROUGE_LSUM);

    @Option(names = "--model", defaultValue = "aeslc", paramLabel = "NAME|DIR",
            description = "A named model or a directory written by heed train summarization (default:"
                    + " ${DEFAULT-VALUE}).")
    String model;
    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "JSON lines (or .gz), e.g. ../shared/data/aeslc/dev.jsonl.gz")
    Path data;
    @Option(names = "--batch-size", defaultValue = "16", paramLabel = "N",
            description = "Documents per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--max-length", defaultValue = "30", description = "The most summary subwords (default:"
            + " ${DEFAULT-VALUE}).")
    int maxLength;
    @Option(names = "--min-length", defaultValue = "0", description = "The fewest summary subwords (default:"
            + " ${DEFAULT-VALUE}).")
    int minLength;
    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "Score the first N documents only.")
    int limit;
    @Option(names = "--seed", defaultValue = "42", description = "The bootstrap's seed (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--report", paramLabel = "FILE.json", description = "Also write the figures as JSON.") Path report;
    @Option(names = "--hypotheses", paramLabel = "FILE", description = "Also write the summaries, one a line.")
    Path hypotheses;

    @CommandLine.Mixin
    SearchOptions searchOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DecodeOptions options = searchOptions.decodeOptions(spec, maxLength, minLength, 1, SearchOptions.SUMMARIZATION);
        if (batchSize < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch-size must be 1 or more");
        }
        SummarizationData read = SummarizationData.read(data);
        SummarizationData corpus = limit > 0 ? read.first(limit) : read;
        try (SummarizationModel loaded = SummarizationModel.load(model)) {
            List<String> out = new ArrayList<>(Collections.nCopies(corpus.size(), ""));
            List<Integer> nonEmpty = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                if (!NoTokensException.hasNoVisibleText(corpus.texts().get(i))) {
                    nonEmpty.add(i);
                }
            }
            int cut = 0;
            long start = System.nanoTime();
            for (int from = 0; from < nonEmpty.size(); from += batchSize) {
                List<Integer> batch = nonEmpty.subList(from, Math.min(nonEmpty.size(), from + batchSize));
                List<Summary> summaries;
                try {
                    summaries = loaded.summarize(batch.stream().map(corpus.texts()::get).toList(), options);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(data + ": a document among lines of ids "
                            + batch.stream().map(corpus.ids()::get).toList() + ": " + e.getMessage(), e);
                }
                for (int j = 0; j < batch.size(); j++) {
                    out.set(batch.get(j), summaries.get(j).text());
                    cut += summaries.get(j).sourceCut() > 0 ? 1 : 0;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<String> lead = corpus.texts().stream().map(SummaryScores::lead1).toList();
            SummaryScores modelScores = SummaryScores.of(out, corpus, seed);
            SummaryScores leadScores = SummaryScores.of(lead, corpus, seed);
            int beam = options.beam();
            String search = beam == 1 ? "greedy" : "beam " + beam;
            PrintWriter w = spec.commandLine().getOut();
            w.printf("model %s on %s: %,d documents (%,d empty or invisible-only, scored as empty summaries; %,d cut to the first %d"
                    + " subwords), %s, length penalty %s, no-repeat-ngram %d%n", loaded.name(), data, corpus.size(),
                    corpus.size() - nonEmpty.size(), cut, loaded.maxSourceTokens(), search,
                    options.lengthPenalty(), options.noRepeatNgram());
            w.printf("rouge-score F1 x 100, mean over documents [bootstrap 95%% interval]; %s%n",
                    modelScores.signature());
            w.printf("%-10s %-15s %-21s %-21s %-21s %-21s %9s %9s %6s%n", "system", "references", "ROUGE-1", "ROUGE-2",
                    "ROUGE-L", "ROUGE-Lsum", "rep.tri%", "copied%", "words");
            row(w, loaded.name(), "original", modelScores, modelScores.original());
            row(w, loaded.name(), "all (best F)", modelScores, modelScores.allReferences());
            row(w, "LEAD-1", "original", leadScores, leadScores.original());
            row(w, "LEAD-1", "all (best F)", leadScores, leadScores.allReferences());
            w.printf("%.1f s: %.2f documents/s (%s, batch %d)%n", seconds, nonEmpty.size() / seconds, search,
                    batchSize);
            w.flush();
            if (hypotheses != null) {
                Files.write(hypotheses, out);
            }
            if (report != null) {
                ObjectNode json = HeedJson.PRETTY.createObjectNode();
                json.put("model", loaded.name()).put("data", data.toString()).put("documents", corpus.size())
                        .put("blank_documents", corpus.size() - nonEmpty.size()).put("cut_documents", cut)
                        .put("max_source_tokens", loaded.maxSourceTokens()).put("beam", beam).put("search", search)
                        .put("length_penalty", options.lengthPenalty()).put("min_length", options.minLength())
                        .put("max_length", options.maxLength()).put("no_repeat_ngram", options.noRepeatNgram()).put("signature", modelScores.signature());
                write(json.putObject("model_scores"), modelScores);
                write(json.putObject("lead1_scores"), leadScores);
                json.put("seconds", seconds).put("documents_per_second", nonEmpty.size() / seconds);
                HeedJson.PRETTY.writeValue(report.toFile(), json);
            }
            return ExitCodes.OK;
        }
    }

    private static void row(PrintWriter w, String system, String references, SummaryScores scores,
            Map<RougeType, RougeAggregate> rouge) {
        StringBuilder line = new StringBuilder(String.format("%-10s %-15s", system, references));
        for (RougeType type : TYPES) {
            RougeAggregate a = rouge.get(type);
            line.append(String.format(" %5.2f [%5.2f,%5.2f]", 100 * a.mean().fmeasure(), 100 * a.low().fmeasure(),
                    100 * a.high().fmeasure()));
        }
        line.append(String.format(" %9.2f %9.2f %6.2f", 100 * scores.repeatedTrigrams(), 100 * scores.copiedWords(),
                scores.meanWords()));
        w.println(line);
    }

    private static void write(ObjectNode node, SummaryScores scores) {
        node.put("repeated_trigrams", scores.repeatedTrigrams()).put("copied_words", scores.copiedWords())
                .put("mean_words", scores.meanWords());
        rouge(node.putObject("original"), scores.original());
        rouge(node.putObject("all_references"), scores.allReferences());
    }

    private static void rouge(ObjectNode node, Map<RougeType, RougeAggregate> rouge) {
        for (RougeType type : TYPES) {
            RougeAggregate a = rouge.get(type);
            ObjectNode t = node.putObject(type.name());
            score(t.putObject("mean"), a.mean());
            score(t.putObject("low"), a.low());
            score(t.putObject("high"), a.high());
        }
    }

    private static void score(ObjectNode node, RougeScore s) {
        node.put("precision", s.precision()).put("recall", s.recall()).put("fmeasure", s.fmeasure());
    }
}
