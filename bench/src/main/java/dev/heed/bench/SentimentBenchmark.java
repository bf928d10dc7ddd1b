package dev.heed.bench;

import dev.heed.tasks.sentiment.SentimentModel;
import dev.heed.tasks.sentiment.SentimentPrediction;
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
 * A sentiment model (default: the shipped {@code sst2}) over every sentence of {@link BenchCorpus}, text in,
 * label and probabilities out: CoreNLP words, vocabulary look-up, the encoder, softmax. Batch 1 in corpus
 * order, or batches sorted by length as {@code heed sentiment} makes them. Score: seconds per pass over the
 * corpus; texts per second = corpus size / score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true",
        "--enable-native-access=ALL-UNNAMED"})
public class SentimentBenchmark {

    @Param({"sst2"})
    public String model;

    @Param({"1", "256"})
    public int batch;

    private SentimentModel sentiment;
    private List<List<String>> batches;

    @Setup
    public void setUp() throws Exception {
        sentiment = SentimentModel.load(model);
        List<String> corpus = new ArrayList<>(BenchCorpus.sentences());
        if (batch > 1) {
            corpus.sort(Comparator.comparingInt(String::length));
        }
        batches = new ArrayList<>();
        for (int from = 0; from < corpus.size(); from += batch) {
            batches.add(corpus.subList(from, Math.min(corpus.size(), from + batch)));
        }
    }

    @TearDown
    public void tearDown() {
        sentiment.close();
    }

    @Benchmark
    public void corpus(Blackhole sink) {
        for (List<String> texts : batches) {
            for (SentimentPrediction p : sentiment.predict(texts, false)) {
                sink.consume(p.score());
            }
        }
    }
}
