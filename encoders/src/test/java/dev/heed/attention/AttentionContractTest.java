package dev.heed.attention;

import static dev.heed.attention.AttentionFixture.BATCH;
import static dev.heed.attention.AttentionFixture.LENGTH;
import static dev.heed.attention.AttentionFixture.LENGTHS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of {@link AttentionBlock}, run against every variant on the classpath, with padded rows. */
class AttentionContractTest {

    static Stream<String> variants() {
        return Attentions.names().stream();
    }

    @Test
    void allEightVariantsAreFoundByName() {
        assertEquals(Set.of("additive", "dot", "general", "scaled-dot", "multi-head", "local-p", "sliding-window",
                "linear"), Attentions.names());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Attentions.create("nope", AttentionFixture.config()));
        assertTrue(e.getMessage().contains("additive"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("variants")
    void weightsArePerHeadRowsSumToOneAndMaskedKeysAreZero(String name) {
        try (NDManager manager = NDManager.newBaseManager()) {
            AttentionBlock block = AttentionFixture.block(name, manager);
            ParameterStore ps = AttentionFixture.store(manager);
            NDArray x = AttentionFixture.input(manager, 1);
            AttentionOutput out = block.attend(ps, x, x, x, AttentionFixture.mask(manager), false, true);
            assertEquals(new Shape(BATCH, LENGTH, block.outputDim()), out.context().getShape());
            if (!block.producesWeights()) {
                assertTrue(out.weights().isEmpty(), name + " has no T x S matrix and says so");
                return;
            }
            NDArray weights = out.weights().orElseThrow();
            assertEquals(new Shape(BATCH, block.heads(), LENGTH, LENGTH), weights.getShape());
            float[] w = weights.toFloatArray();
            for (int b = 0; b < BATCH; b++) {
                for (int h = 0; h < block.heads(); h++) {
                    for (int t = 0; t < LENGTH; t++) {
                        double sum = 0;
                        for (int s = 0; s < LENGTH; s++) {
                            float v = w[((b * block.heads() + h) * LENGTH + t) * LENGTH + s];
                            if (s >= LENGTHS[b]) {
                                assertEquals(0f, v, name + ": masked key " + s + " of item " + b + " must be exactly 0");
                            }
                            assertTrue(v >= 0f, name + ": negative weight");
                            sum += v;
                        }
                        if (t < LENGTHS[b] || sum > 0.5) {
                            assertEquals(1.0, sum, 1e-5, name + ": row " + t + " of item " + b + ", head " + h);
                        } else {
                            assertEquals(0.0, sum, name + ": a padded query whose window holds no real key sees nothing");
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void captureIsASwitchThatDoesNotChangeTheContext(String name) {
        try (NDManager manager = NDManager.newBaseManager()) {
            AttentionBlock block = AttentionFixture.block(name, manager);
            ParameterStore ps = AttentionFixture.store(manager);
            NDArray x = AttentionFixture.input(manager, 2);
            NDArray mask = AttentionFixture.mask(manager);
            AttentionOutput off = block.attend(ps, x, x, x, mask, false, false);
            AttentionOutput on = block.attend(ps, x, x, x, mask, false, true);
            assertTrue(off.weights().isEmpty(), "no weights when capture is off");
            assertArrayEquals(on.context().toFloatArray(), off.context().toFloatArray(), 1e-6f);
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void paddedKeysDoNotChangeTheContextOfRealQueries(String name) {
        try (NDManager manager = NDManager.newBaseManager()) {
            AttentionBlock block = AttentionFixture.block(name, manager);
            ParameterStore ps = AttentionFixture.store(manager);
            NDArray mask = AttentionFixture.mask(manager);
            NDArray x = AttentionFixture.input(manager, 3);
            NDArray noise = AttentionFixture.input(manager, 4).mul(mask.expandDims(-1).sub(1f).neg());
            NDArray y = x.add(noise);                        // differs from x at padded positions only
            float[] a = block.attend(ps, x, x, x, mask, false, false).context().toFloatArray();
            float[] c = block.attend(ps, x, y, y, mask, false, false).context().toFloatArray();
            int dim = block.outputDim();
            for (int b = 0; b < BATCH; b++) {
                for (int t = 0; t < LENGTHS[b]; t++) {
                    for (int d = 0; d < dim; d++) {
                        int i = (b * LENGTH + t) * dim + d;
                        assertEquals(a[i], c[i], 1e-5f, name + ": padding leaked into item " + b + ", query " + t);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void blocksKeepNoStateBetweenCalls(String name) {
        try (NDManager manager = NDManager.newBaseManager()) {
            AttentionBlock block = AttentionFixture.block(name, manager);
            ParameterStore ps = AttentionFixture.store(manager);
            NDArray x = AttentionFixture.input(manager, 5);
            NDArray z = AttentionFixture.input(manager, 6);
            NDArray mask = AttentionFixture.mask(manager);
            float[] first = block.attend(ps, x, x, x, mask, false, false).context().toFloatArray();
            block.attend(ps, z, z, z, mask, false, true);
            PreparedKeys prepared = block.prepare(ps, x, x, mask, false);
            float[] again = block.attend(ps, x, prepared, false, false).context().toFloatArray();
            assertArrayEquals(first, again, 1e-6f, "same inputs, same output, whatever came between");
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void wrongSizesFailNamingTheShape(String name) {
        try (NDManager manager = NDManager.newBaseManager()) {
            AttentionBlock block = AttentionFixture.block(name, manager);
            NDArray bad = manager.zeros(new Shape(BATCH, LENGTH, 5));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> block.attend(
                    AttentionFixture.store(manager), bad, bad, bad, AttentionFixture.mask(manager), false, false));
            assertTrue(e.getMessage().contains("(3, 6, 5)"), e.getMessage());
            assertFalse(e.getMessage().isBlank());
        }
    }
}
