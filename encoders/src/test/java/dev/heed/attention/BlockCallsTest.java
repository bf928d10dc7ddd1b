package dev.heed.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class BlockCallsTest {

    @Test
    void linearOnAnyRankIsTheLayerAppliedToEachLastAxisVector() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear layer = Linear.builder().setUnits(5).build();
            layer.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray weight = layer.getParameters().get("weight").getArray();
            NDArray bias = layer.getParameters().get("bias").getArray();
            for (Shape shape : new Shape[] {new Shape(4, 3), new Shape(2, 4, 3), new Shape(2, 1, 4, 3)}) {
                NDArray x = manager.randomNormal(shape);
                NDArray y = BlockCalls.linear(layer, ps, x, false);
                long[] expectedShape = shape.getShape();
                expectedShape[expectedShape.length - 1] = 5;
                assertEquals(new Shape(expectedShape), y.getShape());
                float[] in = x.toFloatArray();
                float[] out = y.toFloatArray();
                float[] w = weight.toFloatArray();
                float[] b = bias.toFloatArray();
                for (int row = 0; row < in.length / 3; row++) {
                    for (int unit = 0; unit < 5; unit++) {
                        float expected = b[unit];
                        for (int k = 0; k < 3; k++) {
                            expected += w[unit * 3 + k] * in[row * 3 + k];
                        }
                        assertEquals(expected, out[row * 5 + unit], 1e-5f, shape + " row " + row + " unit " + unit);
                    }
                }
                assertArrayEquals(BlockCalls.apply(layer, ps, x, false).toFloatArray(), out, 1e-5f, shape.toString());
            }
        }
    }
}
