package dev.heed.encoders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of {@link EncoderBlock}, run against every encoder on the classpath at tiny sizes. */
class EncoderContractTest {

    static final int VOCAB = 50;
    static final int LENGTH = 7;
    static final int[] LENGTHS = {7, 3, 1};

    /** A tiny config for each encoder: an encoder without one here fails the test. */
    static final Map<String, Map<String, Object>> TINY = Map.of(
            "textcnn", Map.of("vocabSize", VOCAB, "embeddingDim", 8, "maps", 4, "attentionPooling", true,
                    "attentionDim", 6),
            "bigru", Map.of("vocabSize", VOCAB, "embeddingDim", 8, "hiddenSize", 6, "attentionDim", 5),
            "transformer", Map.of("vocabSize", VOCAB, "dim", 8, "layers", 2, "heads", 2, "ffnDim", 16,
                    "maxLength", 16),
            "bert", Map.of("vocabSize", VOCAB, "hiddenSize", 8, "layers", 2, "heads", 2, "intermediateSize", 16,
                    "maxPositions", 16));

    static Stream<String> encoders() {
        return Encoders.names().stream();
    }

    static TextEncoder tiny(String name) {
        Map<String, Object> overrides = TINY.get(name);
        assertTrue(overrides != null, "no tiny config for encoder '" + name + "' in EncoderContractTest.TINY");
        Engine.getEngine("PyTorch").setRandomSeed(5);
        return TextEncoder.initialize(Encoders.create(name, overrides), Device.cpu());
    }

    static long[] ids(int length, long seed) {
        java.util.Random r = new java.util.Random(seed);
        long[] ids = new long[length];
        for (int i = 0; i < length; i++) {
            ids[i] = 1 + r.nextInt(VOCAB - 1);
        }
        return ids;
    }

    /** A padded batch of the three rows, padding id 0. */
    static NDArray[] batch(NDManager m) {
        long[] flat = new long[LENGTHS.length * LENGTH];
        float[] mask = new float[LENGTHS.length * LENGTH];
        for (int b = 0; b < LENGTHS.length; b++) {
            long[] row = ids(LENGTHS[b], b);
            for (int s = 0; s < LENGTHS[b]; s++) {
                flat[b * LENGTH + s] = row[s];
                mask[b * LENGTH + s] = 1;
            }
        }
        return new NDArray[] {m.create(flat, new Shape(LENGTHS.length, LENGTH)),
                m.create(mask, new Shape(LENGTHS.length, LENGTH))};
    }

    @Test
    void theFourEncodersAreFoundByName() {
        assertEquals(java.util.Set.of("textcnn", "bigru", "transformer", "bert"), Encoders.names());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Encoders.create("rnn", Map.of()))
                .getMessage().contains("textcnn"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Encoders.create("textcnn", Map.of("widht", 3)))
                .getMessage().contains("widths"));
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void outputsHaveTheShapesOfTheSpec(String name) {
        try (TextEncoder encoder = tiny(name); NDManager m = NDManager.newBaseManager()) {
            NDArray[] in = batch(m);
            EncoderOutput out = encoder.encode(in[0], in[1], true);
            EncoderSpec spec = encoder.spec();
            assertEquals(spec.has(Capability.SEQUENCE_STATES), out.states().isPresent());
            assertEquals(spec.has(Capability.POOLED_STATE), out.pooled().isPresent());
            assertEquals(spec.has(Capability.FINAL_STATE), out.finalState().isPresent());
            out.states().ifPresent(s -> assertEquals(new Shape(3, LENGTH, spec.stateSize()), s.getShape()));
            out.pooled().ifPresent(p -> assertEquals(new Shape(3, spec.pooledSize()), p.getShape()));
            out.finalState().ifPresent(f -> assertEquals(new Shape(3, spec.stateSize()), f.getShape()));
            boolean attends = spec.has(Capability.SELF_ATTENTION_WEIGHTS)
                    || spec.has(Capability.POOLING_ATTENTION_WEIGHTS);
            assertEquals(attends, !out.attention().isEmpty(), "captured attention maps iff declared");
            for (AttentionMap map : out.attention()) {
                Shape s = map.weights().getShape();
                assertEquals(3, s.get(0));
                assertEquals(LENGTH, s.get(3));
                float[] rowSums = map.weights().sum(new int[] {3}).toFloatArray();
                for (int b = 0; b < 3; b++) {
                    assertEquals(1f, rowSums[b * (int) (s.get(1) * s.get(2))], 1e-5f, name + " " + map.kind() + " row");
                }
            }
            assertTrue(encoder.encode(in[0], in[1], false).attention().isEmpty(), "no maps when capture is off");
        }
    }

    /**
     * libtorch's grad mode is per thread and on by default: a thread other than the one that created the engine
     * (a worker, a server's request thread) must neither record a graph while encoding nor fail writing parameters.
     */
    @ParameterizedTest
    @MethodSource("encoders")
    void aFreshThreadEncodesWithoutRecordingAndWritesParametersInPlace(String name) throws Exception {
        try (TextEncoder encoder = tiny(name)) {
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            boolean[] seen = new boolean[3];
            Thread t = new Thread(() -> {
                try (NDManager m = NDManager.newBaseManager()) {
                    seen[0] = dev.heed.engine.GradientMode.recording();
                    NDArray[] in = batch(m);
                    EncoderOutput out = encoder.encode(in[0], in[1], false);
                    NDArray result = out.states().or(out::pooled).orElseThrow();
                    seen[1] = ai.djl.pytorch.jni.JniUtils.requiresGrad((ai.djl.pytorch.engine.PtNDArray) result);
                    NDArray weight = encoder.block().getParameters().valueAt(0).getArray();
                    float[] values = new float[(int) weight.size()];
                    java.util.Arrays.fill(values, 0.25f);
                    InPlace.overwrite(weight, values);
                    seen[2] = dev.heed.engine.GradientMode.recording();
                    assertEquals(0.25f, weight.toFloatArray()[0]);
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            t.start();
            t.join();
            if (failure.get() != null) {
                throw new AssertionError(name + " on a fresh thread", failure.get());
            }
            assertTrue(seen[0], "a fresh libtorch thread records by default (what this test guards against)");
            assertFalse(seen[1], name + ": the states of an inference call must not require a gradient");
            assertTrue(seen[2], "the thread's own grad mode is restored after each call");
        }
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void paddingDoesNotChangeTheOutputsOfRealTokens(String name) {
        try (TextEncoder encoder = tiny(name); NDManager m = NDManager.newBaseManager()) {
            NDArray[] in = batch(m);
            EncoderOutput padded = encoder.encode(in[0], in[1], false);
            for (int b = 0; b < LENGTHS.length; b++) {
                int len = LENGTHS[b];
                NDArray ids = in[0].get(b + ":" + (b + 1) + ", 0:" + len);
                NDArray mask = in[1].get(b + ":" + (b + 1) + ", 0:" + len);
                EncoderOutput alone = encoder.encode(ids, mask, false);
                final int item = b;
                alone.pooled().ifPresent(p -> assertArrayEquals(p.toFloatArray(),
                        padded.pooled().orElseThrow().get(item + ":" + (item + 1)).toFloatArray(), 1e-5f, name + " pooled"));
                alone.states().ifPresent(s -> assertArrayEquals(s.toFloatArray(),
                        padded.states().orElseThrow().get(item + ":" + (item + 1) + ", 0:" + len).toFloatArray(), 1e-5f,
                        name + " states of item " + item));
                alone.finalState().ifPresent(f -> assertArrayEquals(f.toFloatArray(),
                        padded.finalState().orElseThrow().get(item + ":" + (item + 1)).toFloatArray(), 1e-5f,
                        name + " final state"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void evalModeIsDeterministicAndCloseIsIdempotent(String name) {
        TextEncoder encoder = tiny(name);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray[] in = batch(m);
            EncoderOutput a = encoder.encode(in[0], in[1], false);
            EncoderOutput b = encoder.encode(in[0], in[1], false);
            NDArray first = a.states().or(a::pooled).orElseThrow();
            NDArray second = b.states().or(b::pooled).orElseThrow();
            assertArrayEquals(first.toFloatArray(), second.toFloatArray(), 0f);
        }
        encoder.close();
        encoder.close();
        assertFalse(encoder.manager().isOpen());
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void tenThousandForwardPassesLeaveTheLiveArrayCountFlat(String name) {
        try (TextEncoder encoder = tiny(name); NDManager root = NDManager.newBaseManager()) {
            int parameters = encoder.manager().getManagedArrays().size();
            for (int i = 0; i < 10_000; i++) {
                try (NDManager request = root.newSubManager()) {
                    NDArray[] in = batch(request);
                    encoder.encode(in[0], in[1], i % 2 == 0);
                }
            }
            assertEquals(parameters, encoder.manager().getManagedArrays().size(), "arrays on the encoder's manager");
            assertEquals(0, root.getManagedArrays().size(), "arrays left on the request side");
        }
    }
}
