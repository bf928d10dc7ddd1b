package dev.heed.tasks.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;

class FiniteGradientsTest {

    @Test
    void aNaNGradientIsReportedAndZeroedAndAFiniteOneIsLeftAlone() {
        Linear linear = Linear.builder().setUnits(2).build();
        try (Model model = Model.newInstance("finite")) {
            model.setBlock(linear);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()))) {
                trainer.initialize(new Shape(1, 3));
                NDManager m = trainer.getManager();
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray out = trainer.forward(new NDList(m.create(new float[] {1, 2, 3}, new Shape(1, 3)))).head();
                    gc.backward(out.sum());
                }
                assertTrue(FiniteGradients.check(linear));
                NDArray weight = linear.getParameters().get("weight").getArray();
                assertEquals(12f, weight.getGradient().abs().sum().getFloat(), 1e-5f, "a finite gradient is kept");

                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray out = trainer.forward(new NDList(m.create(new float[] {Float.NaN, 2, 3},
                            new Shape(1, 3)))).head();
                    gc.backward(out.sum());
                }
                assertFalse(FiniteGradients.check(linear));
                assertEquals(0f, weight.getGradient().abs().sum().getFloat(), "the NaN gradient is now zero");
                assertTrue(FiniteGradients.check(linear), "and stays usable");
            }
        }
    }
}
