package dev.heed.bench;

import dev.heed.tasks.seq2seq.DecodeOptions;
import dev.heed.tasks.summarization.SummarizationData;
import dev.heed.tasks.summarization.SummarizationModel;
import dev.heed.tasks.summarization.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding speed of a summarization model (default: the shipped {@code aeslc}) over the first
 * {@code documents} AESLC dev e-mails ({@code ../shared/data/aeslc/dev.jsonl.gz} or {@code -Dheed.bench.aeslc=FILE};
 * else the bundled reviews), in batches of 16 sorted by length, at beam 4 (the default search of
 * {@code heed summarize}): text in, summary out. Score: seconds per pass; documents per second = documents / score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true",
        "--enable-native-access=ALL-UNNAMED"})
public class SummarizationBenchmark {

    @Param({"aeslc"})
    public String model;

    @Param({"4"})
    public int beam;

    @Param({"16"})
    public int batch;

    @Param({"400"})
    public int documents;

    private SummarizationModel summarizer;
    private List<List<String>> batches;
    private DecodeOptions options;

    @Setup
    public void setUp() throws Exception {
        summarizer = SummarizationModel.load(model);
        DecodeOptions d = SummarizationModel.DEFAULT_SEARCH;
        options = new DecodeOptions(beam, d.maxLength(), 0, d.lengthPenalty(), 0, d.noRepeatNgram(), 1, false);
        List<String> corpus = new ArrayList<>(texts());
        corpus.sort(Comparator.comparingInt(String::length));
        batches = new ArrayList<>();
        for (int from = 0; from < corpus.size(); from += batch) {
            batches.add(corpus.subList(from, Math.min(corpus.size(), from + batch)));
        }
        System.err.printf("%n%s beam %d batch %d: %,d documents per pass%n", model, beam, batch, corpus.size());
    }

    private List<String> texts() throws Exception {
        Path dev = Path.of(System.getProperty("heed.bench.aeslc", "../shared/data/aeslc/dev.jsonl.gz"));
        if (!Files.exists(dev)) {
            return BenchCorpus.sentences();
        }
        return SummarizationData.read(dev).texts().stream().filter(t -> !t.isBlank()).limit(documents).toList();
    }

    @TearDown
    public void tearDown() {
        summarizer.close();
    }

    @Benchmark
    public void corpus(Blackhole sink) {
        for (List<String> texts : batches) {
            for (Summary s : summarizer.summarize(texts, options)) {
                sink.consume(s.text());
            }
        }
    }
}
