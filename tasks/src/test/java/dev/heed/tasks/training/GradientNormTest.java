package dev.heed.tasks.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import org.junit.jupiter.api.Test;

class GradientNormTest {

    @Test
    void gradientsAboveTheNormAreScaledDownKeepingTheirDirectionAndBelowItAreLeftAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            Linear layer = Linear.builder().setUnits(1).optBias(false).build();
            layer.setInitializer(new ConstantInitializer(1f), p -> true);
            layer.initialize(m, DataType.FLOAT32, new Shape(1, 2));
            NDArray x = m.create(new float[] {3f, 4f}, new Shape(1, 2));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = layer.forward(new ParameterStore(m, true), new NDList(x), true).singletonOrThrow();
                gc.backward(y.sum());
            }
            NDManager owner = layer.getParameters().get(0).getValue().getArray().getManager();
            int arrays = owner.getManagedArrays().size();
            double norm = GradientNorm.clip(layer, 1.0);
            assertEquals(arrays, owner.getManagedArrays().size(), "clipping leaves no array behind in the model's"
                    + " manager (a leak there grows by a copy of every gradient at every update)");
            assertEquals(5.0, norm, 1e-6);
            NDArray gradient = layer.getParameters().get(0).getValue().getArray().getGradient();
            assertArrayEquals(new float[] {0.6f, 0.8f}, gradient.toFloatArray(), 1e-6f);
            assertEquals(1.0, GradientNorm.clip(layer, 10.0), 1e-6);
            assertArrayEquals(new float[] {0.6f, 0.8f}, gradient.toFloatArray(), 1e-6f);
        }
    }
}
