package dev.heed.bench;

import dev.heed.text.CoreNlpWordTokenizer;
import dev.heed.text.Sentence;
import dev.heed.text.SubwordTokenizer;
import dev.heed.text.vocab.BpeConfig;
import dev.heed.text.vocab.BpeTrainer;
import dev.heed.text.vocab.TokenizerJsonWriter;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tokenization throughput on review-length texts (10 English reviews of 30 to 60 words, embedded in the
 * jar): CoreNLP's own pipeline as the peer, Heed's CoreNLP words with spans, and Heed's HuggingFace
 * subwords (a byte-level BPE of 1,000 tokens learned from the same texts). The {@code tokens} counter
 * gives tokens per second; the primary score is documents per second. Single-threaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true",
        "--enable-native-access=ALL-UNNAMED"})
public class TokenizationBenchmark {

    private List<String> documents;
    private CoreNlpWordTokenizer words;
    private StanfordCoreNLP corenlp;
    private SubwordTokenizer subwords;
    private Path tokenizerDir;

    /** Counts the tokens each benchmark produced, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Tokens {
        public long tokens;

        @Setup(Level.Iteration)
        public void reset() {
            tokens = 0;
        }
    }

    @Setup
    public void setUp() throws IOException {
        try (InputStream in = TokenizationBenchmark.class.getResourceAsStream("reviews.txt")) {
            documents = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(s -> !s.isBlank()).toList();
        }
        words = new CoreNlpWordTokenizer();
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit");
        props.setProperty("tokenize.options", "invertible=true,ptb3Escaping=true,untokenizable=noneKeep");
        corenlp = new StanfordCoreNLP(props, false);
        tokenizerDir = Files.createTempDirectory("heed-bench");
        Path file = tokenizerDir.resolve("tokenizer.json");
        TokenizerJsonWriter.writeByteLevelBpe(new BpeTrainer(BpeConfig.ofSize(1000)).train(documents), file);
        subwords = SubwordTokenizer.load(file, false);
    }

    @TearDown
    public void tearDown() throws IOException {
        subwords.close();
        Files.deleteIfExists(tokenizerDir.resolve("tokenizer.json"));
        Files.deleteIfExists(tokenizerDir);
    }

    /** Peer: CoreNLP's tokenize,ssplit pipeline, counting its tokens. */
    @Benchmark
    public long corenlpPipeline(Tokens counter) {
        long n = 0;
        for (String doc : documents) {
            Annotation a = new Annotation(doc);
            corenlp.annotate(a);
            for (CoreMap s : a.get(CoreAnnotations.SentencesAnnotation.class)) {
                n += s.get(CoreAnnotations.TokensAnnotation.class).size();
            }
        }
        counter.tokens += n;
        return n;
    }

    /** Heed's sentences and words with spans, surface and normalized forms (CoreNLP underneath). */
    @Benchmark
    public long heedWords(Tokens counter) {
        long n = 0;
        for (String doc : documents) {
            for (Sentence s : words.sentences(doc)) {
                n += s.tokens().size();
            }
        }
        counter.tokens += n;
        return n;
    }

    /** Heed's HuggingFace subwords through DJL, with spans mapped to UTF-16 offsets. */
    @Benchmark
    public long heedSubwords(Tokens counter) {
        long n = 0;
        for (String doc : documents) {
            n += subwords.encode(doc).size();
        }
        counter.tokens += n;
        return n;
    }
}
