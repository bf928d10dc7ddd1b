package dev.heed.tasks.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.heed.engine.EngineArrays;
import org.junit.jupiter.api.Test;

/** Beam back-pointers: rows picked in any order, repeated or dropped, with their values exactly as they were. */
class RowsTest {

    @Test
    void picksRowsInTheOrderAskedWithEveryValueUnchanged() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] values = new float[4 * 2 * 3];
            for (int i = 0; i < values.length; i++) {
                values[i] = i * 1.25f - 7;
            }
            values[5] = Float.NEGATIVE_INFINITY;   // a masked score: 0 * -inf would be NaN in a product
            values[13] = Float.NaN;
            NDArray x = EngineArrays.of(m, values, new Shape(4, 2, 3));
            long[] rows = {2, 0, 0, 3};
            NDArray picked = Rows.pick(x, rows);
            assertEquals(new Shape(4, 2, 3), picked.getShape());
            float[] got = picked.toFloatArray();
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < 6; j++) {
                    assertEquals(Float.floatToIntBits(values[(int) rows[i] * 6 + j]), Float.floatToIntBits(got[i * 6 + j]),
                            "row " + i + " element " + j);
                }
            }
            NDArray ids = EngineArrays.of(m, new long[] {10, 11, 12, 13}, new Shape(4));
            assertArrayEquals(new long[] {13, 11}, Rows.pick(ids, new long[] {3, 1}).toLongArray());
        }
    }
}
