package dev.heed.encoders.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.heed.encoders.EncoderBlock;
import dev.heed.encoders.EncoderOutput;
import dev.heed.encoders.EncoderWeights;
import dev.heed.encoders.TextEncoder;
import dev.heed.tensor.DType;
import dev.heed.tensor.OnnxFile;
import dev.heed.tensor.OnnxWeightNames;
import dev.heed.tensor.SafeTensorsFile;
import dev.heed.tensor.SafeTensorsWriter;
import dev.heed.text.SubwordEncoding;
import dev.heed.text.SubwordTokenizer;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Heed's {@code bert} encoder against ONNX Runtime on the same fp32 ONNX files (from the Maven artifacts on
 * the test classpath), on 24 varied sentences in one padded batch: {@code last_hidden_state} within 1e-4 at
 * every real token, pooled vectors with cosine >= 0.99999.
 */
class BertParityTest {

    static final List<String> SENTENCES = List.of(
            "Hi.",
            "A gorgeous, witty, seductive movie.",
            "The film is strictly routine.",
            "Café crème brûlée and a naïve façade in São Paulo.",
            "It costs $3.50, or 20% less than the 1999 price of 4,200 yen.",
            "Zürich, Kraków and Ålesund are cities; Straße is a word.",
            "I can't believe it's not butter!",
            "The quick brown fox jumps over the lazy dog while the cat watches from the windowsill, unimpressed"
                    + " by the whole affair and by the dog's apparent inability to notice anything at all.",
            "Numbers: 3.14159, 2.71828, 1,000,000 and 42.",
            "e-mail me at someone@example.com or visit https://example.org/path?q=1",
            "UPPER CASE SHOUTING and lower case whispering",
            "Emoji 👍🏽 and CJK 東京 and Arabic مرحبا.",
            "He said \"no\" (twice) -- and left; then [nothing] happened.",
            "unbelievably antidisestablishmentarianism",
            "What?",
            "Two sentences here. And a second one, a bit longer than the first.",
            "   leading and trailing spaces   ",
            "tabs\tand\tnew\nlines",
            "The movie was neither good nor bad, just long.",
            "Sentiment analysis with attention shows which words decided.",
            "A" + " very".repeat(40) + " long sentence.",
            "Mr. Smith went to Washington D.C. on Jan. 3rd.",
            "x",
            "The end.");

    @TempDir
    static Path dir;

    @ParameterizedTest
    @CsvSource({"all-minilm-l6-v2, mean", "bge-small-en-v1.5, cls"})
    void matchesOnnxRuntime(String name, String pooling) throws Exception {
        Path onnx = copy(name + ".onnx");
        Path tokenizerFile = copy(name + "-tokenizer.json");

        Map<String, OnnxWeightNames.FloatTensor> named = OnnxWeightNames.pytorchNamed(OnnxFile.read(onnx));
        Path weights = dir.resolve(name + ".safetensors");
        SafeTensorsWriter writer = new SafeTensorsWriter();
        named.forEach((k, v) -> writer.addFloats(k, DType.F32, v.shape(), v.values()));
        writer.write(weights);
        int layers = (int) named.keySet().stream().filter(k -> k.endsWith("attention.self.query.weight")).count();
        BertConfig config = new BertConfig(30_522, 384, layers, 12, 1536, 512, 2, 1e-12f, 0.1f, pooling);

        try (SubwordTokenizer tokenizer = SubwordTokenizer.load(tokenizerFile, true);
                NDManager modelManager = NDManager.newBaseManager(Device.cpu());
                NDManager m = NDManager.newBaseManager(Device.cpu());
                OrtEnvironment env = OrtEnvironment.getEnvironment();
                OrtSession session = env.createSession(onnx.toString(), new OrtSession.SessionOptions())) {
            BertEncoder block = new BertEncoder(config);
            block.setInitializer(new ai.djl.training.initializer.ConstantInitializer(0f), p -> true);
            block.initialize(modelManager, DataType.FLOAT32, EncoderBlock.inputShapes(8));
            EncoderWeights.load(block, SafeTensorsFile.open(weights), "");
            TextEncoder encoder = TextEncoder.wrap(block, modelManager);

            int batch = SENTENCES.size();
            List<SubwordEncoding> encodings = SENTENCES.stream().map(tokenizer::encode).toList();
            int length = encodings.stream().mapToInt(SubwordEncoding::size).max().orElseThrow();
            long[] ids = new long[batch * length];
            long[] mask = new long[batch * length];
            for (int b = 0; b < batch; b++) {
                long[] row = encodings.get(b).ids();
                System.arraycopy(row, 0, ids, b * length, row.length);
                java.util.Arrays.fill(mask, b * length, b * length + row.length, 1L);
            }
            EncoderOutput heed = encoder.encode(m.create(ids, new Shape(batch, length)),
                    m.create(mask, new Shape(batch, length)).toType(DataType.FLOAT32, false), false);
            float[] heedStates = heed.states().orElseThrow().toFloatArray();
            float[] heedPooled = heed.pooled().orElseThrow().toFloatArray();

            Map<String, OnnxTensor> inputs = new HashMap<>();
            long[] shape = {batch, length};
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[batch * length]), shape));
            }
            float[][][] ort;
            try (OrtSession.Result result = session.run(inputs)) {
                ort = (float[][][]) result.get(0).getValue();
            }
            inputs.values().forEach(OnnxTensor::close);

            double maxDiff = 0;
            double minCosine = 1;
            for (int b = 0; b < batch; b++) {
                int real = encodings.get(b).size();
                double[] ortPooled = new double[384];
                for (int t = 0; t < real; t++) {
                    for (int k = 0; k < 384; k++) {
                        float o = ort[b][t][k];
                        maxDiff = Math.max(maxDiff, Math.abs(o - heedStates[(b * length + t) * 384 + k]));
                        if (pooling.equals("mean")) {
                            ortPooled[k] += o / real;
                        } else if (t == 0) {
                            ortPooled[k] = o;
                        }
                    }
                }
                double dot = 0;
                double na = 0;
                double nb = 0;
                for (int k = 0; k < 384; k++) {
                    double h = heedPooled[b * 384 + k];
                    dot += h * ortPooled[k];
                    na += h * h;
                    nb += ortPooled[k] * ortPooled[k];
                }
                minCosine = Math.min(minCosine, dot / Math.sqrt(na * nb));
            }
            System.out.printf("%s parity: max |diff| of last_hidden_state %.2e, min pooled cosine %.8f (%d sentences,"
                    + " padded to %d)%n", name, maxDiff, minCosine, batch, length);
            assertTrue(maxDiff <= 1e-4, name + ": max abs difference " + maxDiff);
            assertTrue(minCosine >= 0.99999, name + ": min cosine " + minCosine);
            assertEquals(batch, heed.pooled().orElseThrow().getShape().get(0));
        }
    }

    private static Path copy(String resource) throws Exception {
        Path target = dir.resolve(resource);
        if (!Files.exists(target)) {
            try (InputStream in = BertParityTest.class.getClassLoader().getResourceAsStream(resource)) {
                assertTrue(in != null, resource + " is not on the test classpath");
                Files.copy(in, target);
            }
        }
        return target;
    }
}
