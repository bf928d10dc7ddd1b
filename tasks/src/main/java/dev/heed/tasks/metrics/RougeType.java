package dev.heed.tasks.metrics;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A ROUGE measure by rouge-score's name for it, the key of its result: {@code rouge1} to {@code rouge9} (n-gram
 * overlap), {@code rougeL} (longest common subsequence over the whole text) and {@code rougeLsum} (summary-level
 * LCS over newline-separated sentences). Immutable.
 *
 * @param name rouge-score's name, e.g. {@code rouge2}
 */
public record RougeType(String name) {

    // before the constants below: their constructor needs it
    private static final Pattern NGRAM = Pattern.compile("rouge[1-9]");

    public static final RougeType ROUGE_1 = new RougeType("rouge1");
    public static final RougeType ROUGE_2 = new RougeType("rouge2");
    public static final RougeType ROUGE_L = new RougeType("rougeL");
    public static final RougeType ROUGE_LSUM = new RougeType("rougeLsum");

    public RougeType {
        if (!NGRAM.matcher(name).matches() && !name.equals("rougeL") && !name.equals("rougeLsum")) {
            throw new IllegalArgumentException("no ROUGE type '" + name + "': the valid names are rouge1 to rouge9,"
                    + " rougeL and rougeLsum (rouge-score's names)");
        }
    }

    /** The type of this name, {@link #name()}. */
    public static RougeType of(String name) {
        return new RougeType(name);
    }

    /** ROUGE-n, {@code rouge<n>}, for n in 1..9. */
    public static RougeType ngram(int n) {
        if (n < 1 || n > 9) {
            throw new IllegalArgumentException("ROUGE-N needs n from 1 to 9 (rouge-score's rouge1..rouge9), not "
                    + n);
        }
        return new RougeType("rouge" + n);
    }

    /** n for ROUGE-n; empty for {@code rougeL} and {@code rougeLsum}. */
    public OptionalInt ngramOrder() {
        return NGRAM.matcher(name).matches() ? OptionalInt.of(name.charAt(5) - '0') : OptionalInt.empty();
    }

    @Override
    public String toString() {
        return name;
    }
}
