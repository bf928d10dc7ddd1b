package dev.heed.json;

import java.util.Random;

/**
 * Random Java strings for round-trip tests: unpaired high and low surrogates, BMP characters, astral
 * characters (surrogate pairs), C0 and C1 control characters, and the characters JSON and HTML escape.
 */
final class RandomStrings {

    private static final String SPECIAL = "\"\\/<>&'\u2028\u2029\uFEFF\uFFFD\uFFFF ";

    private RandomStrings() {
    }

    static String next(Random r, int maxLength) {
        int length = r.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length * 2);
        while (s.length() < length) {
            switch (r.nextInt(7)) {
                case 0 -> s.append((char) (0xD800 + r.nextInt(0x400)));                 // high surrogate, alone
                case 1 -> s.append((char) (0xDC00 + r.nextInt(0x400)));                 // low surrogate, alone
                case 2 -> s.appendCodePoint(0x10000 + r.nextInt(0x10FFFF - 0x10000 + 1)); // astral: a pair
                case 3 -> s.append((char) (r.nextBoolean() ? r.nextInt(0x20) : 0x7F + r.nextInt(0x21))); // control
                case 4 -> s.append(SPECIAL.charAt(r.nextInt(SPECIAL.length())));
                case 5 -> s.append((char) (0x20 + r.nextInt(0x5F)));                     // printable ASCII
                default -> {
                    char c;
                    do {
                        c = (char) (0x80 + r.nextInt(0xFFFF - 0x80));
                    } while (Character.isSurrogate(c));
                    s.append(c);                                                        // any other BMP char
                }
            }
        }
        return s.toString();
    }
}
