package dev.heed.tasks.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiniteGradientsTest {

    /** One forward and backward pass of {@code trainer}'s block on the row {@code input}. */
    private static void backward(Trainer trainer, float... input) {
        try (GradientCollector gc = trainer.newGradientCollector()) {
            NDArray in = trainer.getManager().create(input, new Shape(1, input.length));
            gc.backward(trainer.forward(new NDList(in)).head().sum());
        }
    }

    @Test
    void aNaNGradientIsReportedAndZeroedAndAFiniteOneIsLeftAlone() {
        Linear linear = Linear.builder().setUnits(2).build();
        try (Model model = Model.newInstance("finite")) {
            model.setBlock(linear);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()))) {
                trainer.initialize(new Shape(1, 3));
                backward(trainer, 1, 2, 3);
                assertTrue(FiniteGradients.check(linear));
                NDArray weight = linear.getParameters().get("weight").getArray();
                assertEquals(12f, weight.getGradient().abs().sum().getFloat(), 1e-5f, "a finite gradient is kept");

                backward(trainer, Float.NaN, 2, 3);
                assertEquals(List.of("weight"), FiniteGradients.nonFinite(linear),
                        "the weight's gradient is NaN, the bias's (the output's own gradient) is not");
                assertEquals(0f, weight.getGradient().abs().sum().getFloat(), "the NaN gradient is now zero");
                assertTrue(FiniteGradients.nonFinite(linear).isEmpty(), "and stays usable");
                backward(trainer, Float.NaN, 2, 3);
                assertFalse(FiniteGradients.check(linear));
                assertTrue(FiniteGradients.check(linear), "and stays usable");
            }
        }
    }

    /**
     * Zeroing happens in the gradient's own memory. Swapping in a Java buffer as its storage (what
     * {@code NDArray.set(Buffer)} does on PyTorch) leaves the gradient pointing at memory the garbage collector
     * frees, and the next backward pass writes into it: the heap corruption that crashed long training runs. A
     * view of the gradient's memory taken before the check must read the zeros after it.
     */
    @Test
    void theGradientIsZeroedInPlaceNotMovedToMemoryTheJavaHeapOwns() {
        Linear linear = Linear.builder().setUnits(2).build();
        try (Model model = Model.newInstance("finite")) {
            model.setBlock(linear);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()))) {
                trainer.initialize(new Shape(1, 3));
                backward(trainer, Float.NaN, 2, 3);
                NDArray weight = linear.getParameters().get("weight").getArray();
                try (NDArray gradient = weight.getGradient()) {
                    FloatBuffer memory = gradient.toByteBuffer(true).asFloatBuffer();
                    assertTrue(Float.isNaN(memory.get(0)), "the view shows the gradient's memory");
                    assertFalse(FiniteGradients.check(linear));
                    for (int i = 0; i < memory.limit(); i++) {
                        assertEquals(0f, memory.get(i), "element " + i + " of the gradient's own memory is zeroed");
                    }
                    memory.put(0, 5f);
                    assertEquals(5f, weight.getGradient().toFloatArray()[0], "the gradient still lives there");
                }
            }
        }
    }
}
