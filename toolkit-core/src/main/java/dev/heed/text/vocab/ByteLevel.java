package dev.heed.text.vocab;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The byte-level alphabet and pre-tokenization of GPT-2, as HuggingFace's {@code ByteLevel}
 * pre-tokenizer applies them, so that a vocabulary learned here encodes the same way in DJL.
 *
 * <p>Every byte maps to one printable character ({@code ' '} becomes {@code 'Ġ'}), so any text,
 * in any script, encodes without an unknown token. Stateless and thread-safe.
 */
public final class ByteLevel {

    /** GPT-2's split pattern, the one HuggingFace uses when {@code use_regex} is true. */
    static final Pattern SPLIT = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");

    private static final char[] BYTE_TO_CHAR = buildByteToChar();
    private static final java.util.Map<Character, Integer> CHAR_TO_BYTE = invert(BYTE_TO_CHAR);

    private ByteLevel() {
    }

    private static char[] buildByteToChar() {
        char[] map = new char[256];
        boolean[] printable = new boolean[256];
        for (int b = '!'; b <= '~'; b++) {
            printable[b] = true;
        }
        for (int b = 0xA1; b <= 0xAC; b++) {
            printable[b] = true;
        }
        for (int b = 0xAE; b <= 0xFF; b++) {
            printable[b] = true;
        }
        int next = 0;
        for (int b = 0; b < 256; b++) {
            map[b] = printable[b] ? (char) b : (char) (256 + next++);
        }
        return map;
    }

    private static java.util.Map<Character, Integer> invert(char[] map) {
        java.util.Map<Character, Integer> inverse = new java.util.HashMap<>();
        for (int b = 0; b < map.length; b++) {
            inverse.put(map[b], b);
        }
        return java.util.Map.copyOf(inverse);
    }

    /** The 256 characters that stand for the bytes 0..255, in byte order. */
    public static List<String> alphabet() {
        List<String> symbols = new ArrayList<>(256);
        for (char c : BYTE_TO_CHAR) {
            symbols.add(String.valueOf(c));
        }
        return symbols;
    }

    /** The byte-level form of {@code piece}: its UTF-8 bytes, each as its alphabet character. */
    public static String encode(String piece) {
        byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            out.append(BYTE_TO_CHAR[b & 0xFF]);
        }
        return out.toString();
    }

    /**
     * The bytes a byte-level piece stands for: the inverse of {@link #encode}, character by character.
     *
     * @throws IllegalArgumentException when a character is not in the byte-level alphabet
     */
    public static byte[] bytes(String byteLevelPiece) {
        byte[] out = new byte[byteLevelPiece.length()];
        for (int i = 0; i < out.length; i++) {
            int b = CHAR_TO_BYTE.getOrDefault(byteLevelPiece.charAt(i), -1);
            if (b < 0) {
                throw new IllegalArgumentException("'" + byteLevelPiece + "' is not a byte-level piece: character U+"
                        + String.format("%04X", (int) byteLevelPiece.charAt(i)) + " stands for no byte");
            }
            out[i] = (byte) b;
        }
        return out;
    }

    /**
     * Splits {@code text} the way HuggingFace's ByteLevel pre-tokenizer does, with a space added in
     * front when {@code addPrefixSpace} is set and the text does not start with one.
     */
    public static List<String> preTokenize(String text, boolean addPrefixSpace) {
        String input = addPrefixSpace && !text.startsWith(" ") ? " " + text : text;
        List<String> pieces = new ArrayList<>();
        Matcher m = SPLIT.matcher(input);
        while (m.find()) {
            pieces.add(encode(m.group()));
        }
        return pieces;
    }
}
