package dev.heed.tensor;

/** Conversions between {@code float} and the 16-bit formats IEEE half (F16) and bfloat16 (BF16). */
public final class Half {

    private Half() {
    }

    /** The float an F16 value stands for. */
    public static float f16ToFloat(short bits) {
        return Float.float16ToFloat(bits);
    }

    /** The nearest F16 value (round to nearest even). */
    public static short floatToF16(float value) {
        return Float.floatToFloat16(value);
    }

    /** The float a BF16 value stands for (exact: BF16 is a float's upper half). */
    public static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    /** The nearest BF16 value (round to nearest even; NaN stays NaN). */
    public static short floatToBf16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) {
            return (short) ((bits >>> 16) | 0x0040);
        }
        int rounding = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }
}
