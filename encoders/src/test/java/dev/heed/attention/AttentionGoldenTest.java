package dev.heed.attention;

import static dev.heed.attention.AttentionFixture.BATCH;
import static dev.heed.attention.AttentionFixture.DIM;
import static dev.heed.attention.AttentionFixture.LENGTH;
import static dev.heed.attention.AttentionFixture.LENGTHS;
import static dev.heed.attention.AttentionFixture.parameter;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each variant at tiny sizes (B = 3 with lengths 6, 4 and 1, dimension 8, 2 heads, window 2) against the
 * plain-Java reference, cross-attention style (queries differ from keys), fixed seeds.
 */
class AttentionGoldenTest {

    static Stream<String> variants() {
        return Attentions.names().stream();
    }

    private static ReferenceAttention.Projections projections(AttentionBlock block) {
        return new ReferenceAttention.Projections(parameter(block, "query_weight"), parameter(block, "query_bias"),
                parameter(block, "key_weight"), parameter(block, "key_bias"), parameter(block, "value_weight"),
                parameter(block, "value_bias"), parameter(block, "output_weight"), parameter(block, "output_bias"));
    }

    /**
     * Length, window and real lengths that take each of {@code sliding-window}'s three paths: the band covers
     * the whole matrix (n <= w + 1), dense under the band mask (n <= 3w), and blocked (n > 3w), the last also
     * with a length that is not a multiple of w (padded blocks) and with padded rows.
     */
    static Stream<int[]> slidingWindowCases() {
        return Stream.of(new int[] {6, 5, 6, 4, 1}, new int[] {6, 2, 6, 4, 1}, new int[] {6, 1, 6, 4, 1},
                new int[] {11, 3, 11, 7, 1}, new int[] {17, 2, 17, 9, 2});
    }

    @ParameterizedTest
    @MethodSource("slidingWindowCases")
    void slidingWindowMatchesTheReferenceOnEachOfItsPaths(int[] c) {
        int length = c[0];
        int window = c[1];
        int[] lengths = {c[2], c[3], c[4]};
        try (NDManager manager = NDManager.newBaseManager()) {
            AttentionBlock block = Attentions.create("sliding-window",
                    new AttentionConfig(DIM, DIM, DIM, DIM, 2, window));
            block.setInitializer(new ai.djl.training.initializer.NormalInitializer(0.4f), p -> true);
            ai.djl.ndarray.types.Shape x3 = new ai.djl.ndarray.types.Shape(BATCH, length, DIM);
            block.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, x3, x3, x3,
                    new ai.djl.ndarray.types.Shape(BATCH, length));
            float[] input = AttentionFixture.random(BATCH * length * DIM, 31);
            NDArray x = manager.create(input, x3);
            float[] keep = new float[BATCH * length];
            for (int b = 0; b < BATCH; b++) {
                java.util.Arrays.fill(keep, b * length, b * length + lengths[b], 1f);
            }
            NDArray mask = manager.create(keep, new ai.djl.ndarray.types.Shape(BATCH, length));
            AttentionOutput out = block.attend(AttentionFixture.store(manager), x, x, x, mask, false, true);
            ReferenceAttention.Result expected = new ReferenceAttention(input, input, BATCH, length, DIM, lengths)
                    .slidingWindow(projections(block), 2, window);
            float[] context = out.context().toFloatArray();
            float[] w = out.weights().orElseThrow().toFloatArray();
            String at = "length " + length + ", window " + window;
            for (int b = 0; b < BATCH; b++) {
                for (int t = 0; t < length; t++) {
                    for (int k = 0; k < DIM; k++) {
                        assertEquals(expected.context()[b][t][k], context[(b * length + t) * DIM + k], 1e-4, at);
                    }
                    for (int h = 0; h < 2; h++) {
                        for (int s = 0; s < length; s++) {
                            assertEquals(expected.weights()[b][h][t][s],
                                    w[((b * 2 + h) * length + t) * length + s], 1e-5, at + ", head " + h);
                        }
                    }
                }
            }
            AttentionOutput off = block.attend(AttentionFixture.store(manager), x, x, x, mask, false, false);
            float[] same = off.context().toFloatArray();
            for (int i = 0; i < same.length; i++) {
                assertEquals(context[i], same[i], 1e-6, at + ": capturing does not change the context");
            }
            assertEquals(java.util.Optional.empty(), off.weights(), at + ": no weights unless captured");
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void matchesThePlainJavaReference(String name) {
        try (NDManager manager = NDManager.newBaseManager()) {
            AttentionBlock block = AttentionFixture.block(name, manager);
            NDArray queries = AttentionFixture.input(manager, 21);
            NDArray keys = AttentionFixture.input(manager, 22);
            AttentionOutput out = block.attend(AttentionFixture.store(manager), queries, keys, keys,
                    AttentionFixture.mask(manager), false, true);
            ReferenceAttention ref = new ReferenceAttention(queries.toFloatArray(), keys.toFloatArray(), BATCH,
                    LENGTH, DIM, LENGTHS);
            int window = block.config().window();
            ReferenceAttention.Result expected = switch (name) {
                case "additive" -> ref.additive(parameter(block, "query_weight"), parameter(block, "key_weight"),
                        parameter(block, "key_bias"), parameter(block, "v"));
                case "dot" -> ref.dot();
                case "scaled-dot" -> ref.scaledDot();
                case "general" -> ref.general(parameter(block, "key_weight"));
                case "local-p" -> ref.localP(parameter(block, "key_weight"), parameter(block, "position_weight"),
                        parameter(block, "v_p"), window);
                case "multi-head" -> ref.multiHead(projections(block), block.heads());
                case "sliding-window" -> ref.slidingWindow(projections(block), block.heads(), window);
                case "linear" -> ref.linear(projections(block), block.heads());
                default -> throw new AssertionError("no reference for " + name);
            };
            float[] context = out.context().toFloatArray();
            int dim = block.outputDim();
            for (int b = 0; b < BATCH; b++) {
                for (int t = 0; t < LENGTH; t++) {
                    for (int k = 0; k < dim; k++) {
                        assertEquals(expected.context()[b][t][k], context[(b * LENGTH + t) * dim + k], 1e-4,
                                name + " context [" + b + "][" + t + "][" + k + "]");
                    }
                }
            }
            if (expected.weights() != null) {
                float[] w = out.weights().orElseThrow().toFloatArray();
                int heads = block.heads();
                for (int b = 0; b < BATCH; b++) {
                    for (int h = 0; h < heads; h++) {
                        for (int t = 0; t < LENGTH; t++) {
                            for (int s = 0; s < LENGTH; s++) {
                                assertEquals(expected.weights()[b][h][t][s],
                                        w[((b * heads + h) * LENGTH + t) * LENGTH + s], 1e-5,
                                        name + " weight [" + b + "][" + h + "][" + t + "][" + s + "]");
                            }
                        }
                    }
                }
            }
        }
    }
}
