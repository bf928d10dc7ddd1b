package dev.heed.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.encoders.EncoderLoader;
import dev.heed.encoders.TextEncoder;
import dev.heed.model.ModelDirectory;
import dev.heed.models.ModelResolver;
import dev.heed.text.SubwordTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where Heed's {@code bert} (all-MiniLM-L6-v2) spends its time: runs the first {@code N} corpus sentences in
 * batches of {@code B} (sorted by length when {@code B > 1}) once to warm up, then again under libtorch's
 * profiler, and prints milliseconds per sentence for the operations that took longest (self and child time of
 * each operator, as the profiler records them). Usage: {@code bench/probe BertOpProfile [N] [B]};
 * {@code PROBE_JAVA_OPTS=-Dai.djl.pytorch.num_threads=1} for one thread.
 */
public final class BertOpProfile {

    private BertOpProfile() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        ModelDirectory model = new ModelResolver().resolve("all-minilm-l6-v2");
        List<long[]> ids = new ArrayList<>();
        try (SubwordTokenizer tokenizer = SubwordTokenizer.load(model.resolve("tokenizer.json"), true)) {
            for (String s : BenchCorpus.sentences().subList(0, n)) {
                ids.add(tokenizer.encode(s).ids());
            }
        }
        if (batch > 1) {
            ids.sort(java.util.Comparator.comparingInt(a -> a.length));
        }
        Path trace = Files.createTempFile("heed-bert-profile", ".json");
        try (TextEncoder heed = EncoderLoader.load(model, "", Device.cpu())) {
            for (int round = 0; round < 2; round++) {
                if (round == 1) {
                    JniUtils.startProfile(false, false, false);
                }
                long start = System.nanoTime();
                for (int from = 0; from < n; from += batch) {
                    List<long[]> rows = ids.subList(from, Math.min(n, from + batch));
                    int length = rows.stream().mapToInt(r -> r.length).max().orElse(1);
                    long[] flat = new long[rows.size() * length];
                    float[] mask = new float[rows.size() * length];
                    for (int b = 0; b < rows.size(); b++) {
                        System.arraycopy(rows.get(b), 0, flat, b * length, rows.get(b).length);
                        Arrays.fill(mask, b * length, b * length + rows.get(b).length, 1f);
                    }
                    try (NDManager request = heed.manager().newSubManager()) {
                        heed.encode(request.create(flat, new Shape(rows.size(), length)),
                                request.create(mask, new Shape(rows.size(), length)), false).pooled().orElseThrow()
                                .toFloatArray();
                    }
                }
                System.out.printf("%s: %.2f ms a sentence%n", round == 0 ? "warm-up" : "profiled",
                        (System.nanoTime() - start) / 1e6 / n);
            }
            JniUtils.stopProfile(trace.toString());
        }
        Map<String, double[]> byName = new LinkedHashMap<>();
        JsonNode root = new ObjectMapper().readTree(trace.toFile());
        for (JsonNode event : root.has("traceEvents") ? root.get("traceEvents") : root) {
            if ("X".equals(event.path("ph").asText())) {
                double[] sum = byName.computeIfAbsent(event.get("name").asText(), k -> new double[2]);
                sum[0]++;
                sum[1] += event.path("dur").asDouble();
            }
        }
        Files.delete(trace);
        byName.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1])).limit(20)
                .forEach(e -> System.out.printf("%-32s %7.0f calls %8.3f ms a sentence%n", e.getKey(), e.getValue()[0],
                        e.getValue()[1] / 1000 / n));
    }
}
