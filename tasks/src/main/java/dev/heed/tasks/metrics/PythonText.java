package dev.heed.tasks.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code str.split()} and {@code str.rstrip()} on Java strings: sacreBLEU's numbers depend on
 * exactly which characters Python calls whitespace ({@code str.isspace}), which is more than
 * {@link Character#isWhitespace} (no-break spaces, U+0085).
 */
final class PythonText {

    private PythonText() {
    }

    /** Python's {@code c.isspace()} for a code point. */
    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
    }

    /** Python's {@code text.split()}: runs of whitespace separate, none at the ends. */
    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (isSpace(c)) {
                if (start >= 0) {
                    parts.add(text.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) {
            parts.add(text.substring(start));
        }
        return parts;
    }

    /** Python's {@code text.rstrip()}. */
    static String rstrip(String text) {
        int end = text.length();
        while (end > 0) {
            int c = text.codePointBefore(end);
            if (!isSpace(c)) {
                break;
            }
            end -= Character.charCount(c);
        }
        return text.substring(0, end);
    }

    /** The code points of {@code text} as strings, Python's indexing of {@code str}. */
    static int[] codePoints(String text) {
        return text.codePoints().toArray();
    }
}
