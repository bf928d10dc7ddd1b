package dev.heed.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.heed.encoders.EncoderLoader;
import dev.heed.encoders.TextEncoder;
import dev.heed.engine.IntraOpThreads;
import dev.heed.model.ModelDirectory;
import dev.heed.models.ModelResolver;
import dev.heed.text.SubwordTokenizer;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/**
 * all-MiniLM-L6-v2 over every sentence of a corpus (the 872 SST-2 dev sentences when
 * {@code ../shared/data/sst2/dev.tsv} or {@code -Dheed.bench.sst2=FILE} is there, else the bundled reviews),
 * Heed's {@code bert} encoder against ONNX Runtime running the same fp32 ONNX file, in the same JVM run.
 * Both get the same token ids (DJL's tokenizer, done once in setup) and produce mean-pooled vectors. Batch 1
 * in corpus order; batch 32 sorted by length (bucketing). {@code workers} threads share the batches (every
 * {@code workers}-th batch each); with more than one, each side gives every worker its share of the cores
 * ({@code max(1, cores / workers)} intra-op threads: {@link IntraOpThreads} for libtorch, the session's
 * intra-op threads for ONNX Runtime), the way {@code heed embed --threads N} runs. Score: seconds per pass over
 * the corpus.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true",
        "--enable-native-access=ALL-UNNAMED"})
public class BertEncoderBenchmark {

    @Param({"1", "32"})
    public int batch;

    @Param({"1"})
    public int workers;

    private List<long[][]> batches;
    private int sentences;
    private TextEncoder heed;
    private OrtEnvironment env;
    private OrtSession ort;
    private Path scratch;
    private IntraOpThreads heedThreads;
    private ExecutorService pool;

    @Setup
    public void setUp() throws Exception {
        ModelDirectory model = new ModelResolver().resolve("all-minilm-l6-v2");
        heed = EncoderLoader.load(model, "", Device.cpu());
        heedThreads = IntraOpThreads.shareAmong(workers);
        pool = Executors.newFixedThreadPool(workers);
        List<String> corpus = BenchCorpus.sentences();
        sentences = corpus.size();
        List<long[]> ids = new ArrayList<>();
        try (SubwordTokenizer tokenizer = SubwordTokenizer.load(model.resolve("tokenizer.json"), true)) {
            for (String s : corpus) {
                ids.add(tokenizer.encode(s).ids());
            }
        }
        if (batch > 1) {
            ids.sort(Comparator.comparingInt(a -> a.length));
        }
        batches = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += batch) {
            batches.add(ids.subList(i, Math.min(ids.size(), i + batch)).toArray(new long[0][]));
        }
        scratch = Files.createTempDirectory("heed-bench-onnx");
        Path onnx = scratch.resolve("model.onnx");
        try (InputStream in = BertEncoderBenchmark.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2.onnx")) {
            Files.copy(in, onnx);
        }
        env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        if (workers > 1) {
            options.setIntraOpNumThreads(Math.max(1, Runtime.getRuntime().availableProcessors() / workers));
        }
        ort = env.createSession(onnx.toString(), options);
    }

    @TearDown
    public void tearDown() throws Exception {
        pool.shutdownNow();
        heedThreads.close();
        heed.close();
        ort.close();
        Files.deleteIfExists(scratch.resolve("model.onnx"));
        Files.deleteIfExists(scratch);
    }

    /** Sentences in the corpus: divide by the score to get sentences per second. */
    public int sentences() {
        return sentences;
    }

    @Benchmark
    public float heed() throws Exception {
        return shared(this::heedPart);
    }

    @Benchmark
    public float onnxRuntime() throws Exception {
        return shared(this::onnxRuntimePart);
    }

    /** Runs {@code part} for every worker (worker w takes batches w, w + workers, ...) and adds their sinks. */
    private float shared(java.util.function.IntFunction<Float> part) throws Exception {
        if (workers == 1) {
            return part.apply(0);
        }
        List<Future<Float>> parts = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            final int worker = w;
            parts.add(pool.submit(() -> part.apply(worker)));
        }
        float sink = 0;
        for (Future<Float> f : parts) {
            sink += f.get();
        }
        return sink;
    }

    private float heedPart(int worker) {
        float sink = 0;
        for (int next = worker; next < batches.size(); next += workers) {
            long[][] rows = batches.get(next);
            int length = Arrays.stream(rows).mapToInt(r -> r.length).max().orElse(1);
            try (NDManager request = heed.manager().newSubManager()) {
                long[] flat = new long[rows.length * length];
                float[] mask = new float[rows.length * length];
                fill(rows, length, flat, mask);
                float[] pooled = heed.encode(request.create(flat, new Shape(rows.length, length)),
                        request.create(mask, new Shape(rows.length, length)), false).pooled().orElseThrow().toFloatArray();
                sink += pooled[0];
            }
        }
        return sink;
    }

    private float onnxRuntimePart(int worker) {
        float sink = 0;
        for (int next = worker; next < batches.size(); next += workers) {
            long[][] rows = batches.get(next);
            int length = Arrays.stream(rows).mapToInt(r -> r.length).max().orElse(1);
            long[] flat = new long[rows.length * length];
            float[] mask = new float[rows.length * length];
            fill(rows, length, flat, mask);
            long[] longMask = new long[mask.length];
            for (int i = 0; i < mask.length; i++) {
                longMask[i] = (long) mask[i];
            }
            long[] shape = {rows.length, length};
            try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(flat), shape);
                    OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(longMask), shape);
                    OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[flat.length]), shape);
                    OrtSession.Result result = ort.run(Map.of("input_ids", ids, "attention_mask", m, "token_type_ids", types))) {
                float[][][] states = (float[][][]) result.get(0).getValue();
                for (int b = 0; b < rows.length; b++) {
                    float[] pooled = new float[states[b][0].length];
                    for (int t = 0; t < rows[b].length; t++) {
                        for (int k = 0; k < pooled.length; k++) {
                            pooled[k] += states[b][t][k] / rows[b].length;
                        }
                    }
                    sink += pooled[0];
                }
            } catch (OrtException e) {
                throw new IllegalStateException(e);
            }
        }
        return sink;
    }

    private static void fill(long[][] rows, int length, long[] flat, float[] mask) {
        for (int b = 0; b < rows.length; b++) {
            System.arraycopy(rows[b], 0, flat, b * length, rows[b].length);
            Arrays.fill(mask, b * length, b * length + rows[b].length, 1f);
        }
    }
}
