package dev.heed.encoders.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class SinusoidsTest {

    /** Vaswani et al.'s table, straight from the formula. */
    private static double reference(int pos, int i, int dim) {
        double angle = pos / Math.pow(10_000, (2 * (i / 2)) / (double) dim);
        return i % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
    }

    @Test
    void theTableIsSinOnEvenAndCosOnOddDimensionsOfTheSameAngle() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (int dim : new int[] {6, 7, 256}) {
                NDArray table = TransformerEncoder.sinusoids(m, 600, dim);
                assertEquals(new Shape(1, 600, dim), table.getShape());
                assertEquals(DataType.FLOAT32, table.getDataType());
                float[] values = table.toFloatArray();
                for (int pos = 0; pos < 600; pos++) {
                    for (int i = 0; i < dim; i++) {
                        assertEquals((float) reference(pos, i, dim), values[pos * dim + i], 1e-6f,
                                "dim " + dim + " position " + pos + " dimension " + i);
                    }
                }
            }
        }
    }

    @Test
    void aWindowOfPositionsIsTheSameRowsOfTheWholeTable() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray whole = TransformerEncoder.sinusoids(m, 40, 8);
            NDArray window = TransformerEncoder.sinusoids(m, 17, 18, 8);
            assertEquals(new Shape(1, 1, 8), window.getShape());
            assertEquals(whole.get(":, 17:18, :"), window);
        }
    }
}
