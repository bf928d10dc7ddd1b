package dev.heed.tasks.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.heed.engine.EngineArrays;
import org.junit.jupiter.api.Test;

class GradientValuesTest {

    @Test
    void largeGradientsOfEitherSignAreClippedInTheGradientsOwnMemoryAndSmallOnesKept() {
        Linear linear = Linear.builder().setUnits(2).build();
        try (Model model = Model.newInstance("clip")) {
            model.setBlock(linear);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()))) {
                trainer.initialize(new Shape(1, 3));
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray in = EngineArrays.of(trainer.getManager(), new float[] {-4, 0.25f, 3}, new Shape(1, 3));
                    gc.backward(trainer.forward(new NDList(in)).head().sum());
                }
                // d(sum of outputs)/dW = the input in each row: -4, 0.25, 3; the bias gradient is 1
                NDArray weight = linear.getParameters().get("weight").getArray();
                NDArray bias = linear.getParameters().get("bias").getArray();
                ai.djl.ndarray.NDManager owner = weight.getManager();
                int arrays = owner.getManagedArrays().size();
                assertEquals(4, GradientValues.clip(linear, 2f), "-4 and 3 in each of two rows; the bias gradients of 1 are kept");
                assertEquals(arrays, owner.getManagedArrays().size(),
                        "no array left behind on the model's manager (it would leak the gradient's size every batch)");
                GradientNorm.clip(linear, 1e6f);
                FiniteGradients.check(linear);
                assertEquals(arrays, owner.getManagedArrays().size(), "nor by the norm clip or the finiteness check");
                assertArrayEquals(new float[] {-2, 0.25f, 2, -2, 0.25f, 2}, weight.getGradient().toFloatArray());
                assertArrayEquals(new float[] {1, 1}, bias.getGradient().toFloatArray());
                assertEquals(0, GradientValues.clip(linear, 2f), "nothing left to clip");
                assertThrows(IllegalArgumentException.class, () -> GradientValues.clip(linear, 0f));
            }
        }
    }
}
