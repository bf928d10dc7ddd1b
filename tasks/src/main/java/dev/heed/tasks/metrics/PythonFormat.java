package dev.heed.tasks.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Python's fixed-point formatting, {@code f"{x:.2f}"}, on Java doubles: Python rounds the exact binary value
 * half to even (6.25 gives {@code "6.2"}, 0.0625 gives {@code "0.062"}), where {@link String#format} rounds
 * half up from the shortest decimal form ({@code "6.3"}, {@code "0.063"}). sacreBLEU's printed scores,
 * precisions and ratios are Python's, so Heed's must be these.
 */
final class PythonFormat {

    private PythonFormat() {
    }

    /** {@code value} with {@code digits} digits after the point, as Python's {@code f"{value:.{digits}f}"}. */
    static String fixed(double value, int digits) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot format " + value + " as a score: it must be finite");
        }
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }
}
