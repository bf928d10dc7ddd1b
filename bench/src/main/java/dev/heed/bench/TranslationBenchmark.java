package dev.heed.bench;

import dev.heed.tasks.seq2seq.DecodeOptions;
import dev.heed.tasks.seq2seq.Decoding;
import dev.heed.tasks.seq2seq.ParallelCorpus;

import dev.heed.tasks.translation.Translation;
import dev.heed.tasks.translation.TranslationModel;
import java.io.IOException;
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
 * Decoding speed of a translation model (default: the shipped {@code multi30k-en-de}) over the Multi30k val
 * source sentences ({@code ../shared/data/multi30k/val.en.gz} or {@code -Dheed.bench.multi30k=FILE}; else the
 * bundled reviews), in batches of 32 sorted by length, greedy (beam 1) and beam 5: text in, detokenized text out.
 * Score: seconds per pass over the corpus. The setup prints how many target subwords one pass produces;
 * target subwords per second = that count / score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true",
        "--enable-native-access=ALL-UNNAMED"})
public class TranslationBenchmark {

    @Param({"multi30k-en-de"})
    public String model;

    @Param({"1", "5"})
    public int beam;

    @Param({"32"})
    public int batch;

    private TranslationModel translator;
    private List<List<String>> batches;
    private DecodeOptions options;

    @Setup
    public void setUp() throws Exception {
        translator = TranslationModel.load(model);
        options = beam == 1 ? DecodeOptions.greedy() : DecodeOptions.beam(beam);
        List<String> corpus = new ArrayList<>(sources());
        corpus.sort(Comparator.comparingInt(String::length));
        batches = new ArrayList<>();
        for (int from = 0; from < corpus.size(); from += batch) {
            batches.add(corpus.subList(from, Math.min(corpus.size(), from + batch)));
        }
        long tokens = 0;
        for (List<String> texts : batches) {
            for (Translation t : translator.translate(texts, options)) {
                tokens += translator.countTokens(t.text()) + 1;
            }
        }
        System.err.printf("%n%s beam %d: %,d sentences, %,d target subwords per pass (</s> included)%n", model, beam,
                corpus.size(), tokens);
    }

    static List<String> sources() throws IOException {
        Path val = Path.of(System.getProperty("heed.bench.multi30k", "../shared/data/multi30k/val.en.gz"));
        return Files.exists(val) ? ParallelCorpus.lines(val) : BenchCorpus.sentences();
    }

    @TearDown
    public void tearDown() {
        translator.close();
    }

    @Benchmark
    public void corpus(Blackhole sink) {
        for (List<String> texts : batches) {
            for (Translation t : translator.translate(texts, options)) {
                sink.consume(t.text());
            }
        }
    }
}
