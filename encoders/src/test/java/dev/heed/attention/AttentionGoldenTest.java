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

    @org.junit.jupiter.api.Test
    void slidingWindowDensePathForShortInputsMatchesTheReference() {
        // window 5 >= length 6 - 1: the dense path; the fixture's window 2 takes the blocked path
        try (NDManager manager = NDManager.newBaseManager()) {
            AttentionBlock block = Attentions.create("sliding-window", new AttentionConfig(DIM, DIM, DIM, DIM, 2, 5));
            block.setInitializer(new ai.djl.training.initializer.NormalInitializer(0.4f), p -> true);
            block.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new ai.djl.ndarray.types.Shape(BATCH, LENGTH, DIM),
                    new ai.djl.ndarray.types.Shape(BATCH, LENGTH, DIM), new ai.djl.ndarray.types.Shape(BATCH, LENGTH, DIM),
                    new ai.djl.ndarray.types.Shape(BATCH, LENGTH));
            NDArray x = AttentionFixture.input(manager, 31);
            AttentionOutput out = block.attend(AttentionFixture.store(manager), x, x, x, AttentionFixture.mask(manager),
                    false, true);
            ReferenceAttention.Result expected = new ReferenceAttention(x.toFloatArray(), x.toFloatArray(), BATCH,
                    LENGTH, DIM, LENGTHS).slidingWindow(projections(block), 2, 5);
            float[] context = out.context().toFloatArray();
            float[] w = out.weights().orElseThrow().toFloatArray();
            for (int b = 0; b < BATCH; b++) {
                for (int t = 0; t < LENGTH; t++) {
                    for (int k = 0; k < DIM; k++) {
                        assertEquals(expected.context()[b][t][k], context[(b * LENGTH + t) * DIM + k], 1e-4);
                    }
                    for (int s = 0; s < LENGTH; s++) {
                        assertEquals(expected.weights()[b][0][t][s], w[(b * 2 * LENGTH + t) * LENGTH + s], 1e-5);
                    }
                }
            }
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
