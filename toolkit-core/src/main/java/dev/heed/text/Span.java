package dev.heed.text;

/**
 * A half-open range {@code [start, end)} of UTF-16 code units in the original input string.
 *
 * <p>Every token Heed produces, word or subword, carries the span of its surface text, so that
 * {@code text.substring(span.start(), span.end())} is exactly what stood in the input. Special tokens
 * ({@code [CLS]}, {@code <s>}) have the {@link #EMPTY} span. Immutable and thread-safe.
 *
 * @param start first UTF-16 index, inclusive, {@code >= 0}
 * @param end last UTF-16 index, exclusive, {@code >= start}
 */
public record Span(int start, int end) implements Comparable<Span> {

    /** The span of a token that has no text in the input (special tokens). */
    public static final Span EMPTY = new Span(0, 0);

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(
                    "span [" + start + ", " + end + ") is invalid: need 0 <= start <= end");
        }
    }

    /** Number of UTF-16 code units covered. */
    public int length() {
        return end - start;
    }

    /** Whether the span covers no text. */
    public boolean isEmpty() {
        return start == end;
    }

    /** Whether the two spans share at least one code unit. */
    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    /** Whether {@code other} lies entirely within this span. */
    public boolean contains(Span other) {
        return start <= other.start && other.end <= end;
    }

    /** The text this span covers in {@code text}; fails if the span lies outside it. */
    public String of(CharSequence text) {
        if (end > text.length()) {
            throw new IllegalArgumentException(
                    "span [" + start + ", " + end + ") lies outside a text of length " + text.length());
        }
        return text.subSequence(start, end).toString();
    }

    @Override
    public int compareTo(Span o) {
        return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
    }
}
