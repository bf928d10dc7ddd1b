package dev.heed.lucene;

import dev.heed.text.Token;
import dev.heed.text.WordTokenizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A Lucene {@link Tokenizer} that emits Stanford CoreNLP's English words (through Heed's
 * {@link WordTokenizer}): each term is the word's surface exactly as it stands in the input, and its offsets are
 * the word's UTF-16 span {@code [start, end)}, passed through {@link #correctOffset(int)} so char filters stay
 * exact. Tokens without a letter or a digit (punctuation, symbols) are not emitted, and neither are words longer
 * than {@code maxTokenLength} characters (as {@code StandardTokenizer} does); each skipped word still advances
 * the position, so phrase queries do not match across it.
 *
 * <p>The whole input is read in {@link #reset()} (CoreNLP needs the text to split it), so memory is linear in
 * the field's length. Not thread-safe, as every Lucene {@code TokenStream}; the {@link WordTokenizer} it reads
 * through is shared and thread-safe. Closed by whoever consumes it, as every {@code TokenStream}.
 */
public final class CoreNlpTokenizer extends Tokenizer {

    /** Words longer than this many UTF-16 characters are skipped by default, as in Lucene's StandardTokenizer. */
    public static final int DEFAULT_MAX_TOKEN_LENGTH = 255;

    private final WordTokenizer words;
    private final int maxTokenLength;
    private final boolean splitCompounds;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private List<Token> tokens = List.of();
    private int next;
    private int length;

    /**
     * @param words the word tokenizer (thread-safe; share one)
     * @param maxTokenLength longer words are skipped; at least 1
     */
    public CoreNlpTokenizer(WordTokenizer words, int maxTokenLength) {
        this(words, maxTokenLength, false);
    }

    /**
     * @param words the word tokenizer (thread-safe; share one)
     * @param maxTokenLength longer words are skipped; at least 1
     * @param splitCompounds whether a word joined by hyphens or slashes ({@code 0-dimensional}, {@code IL-6},
     *     {@code and/or}) is emitted as its parts, each with its own exact span, as Lucene's StandardTokenizer
     *     splits it; CoreNLP keeps such a word whole
     */
    public CoreNlpTokenizer(WordTokenizer words, int maxTokenLength, boolean splitCompounds) {
        this.splitCompounds = splitCompounds;
        this.words = Objects.requireNonNull(words, "words");
        if (maxTokenLength < 1) {
            throw new IllegalArgumentException("maxTokenLength must be >= 1, got " + maxTokenLength);
        }
        this.maxTokenLength = maxTokenLength;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n = input.read(buffer); n != -1; n = input.read(buffer)) {
            text.append(buffer, 0, n);
        }
        String s = text.toString();
        length = s.length();
        tokens = new ArrayList<>();
        for (Token t : words.words(s)) {
            if (splitCompounds && isCompound(t.surface())) {
                split(s, t, tokens);
            } else {
                tokens.add(t);
            }
        }
        next = 0;
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        int skipped = 0;
        while (next < tokens.size()) {
            Token t = tokens.get(next++);
            String surface = t.surface();
            if (surface.length() > maxTokenLength || !hasLetterOrDigit(surface)) {
                skipped++;
                continue;
            }
            term.setEmpty().append(surface);
            offset.setOffset(correctOffset(t.start()), correctOffset(t.end()));
            increment.setPositionIncrement(1 + skipped);
            return true;
        }
        return false;
    }

    private static boolean isJoiner(char c) {
        return c == '-' || c == '/' || c == '\u2010' || c == '\u2011' || c == '\u2013' || c == '\u2212';
    }

    private static boolean isCompound(String surface) {
        for (int i = 0; i < surface.length(); i++) {
            if (isJoiner(surface.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The parts of {@code t} between its joiners, each with its span in {@code text}. */
    private static void split(String text, Token t, List<Token> out) {
        int from = t.start();
        for (int i = t.start(); i <= t.end(); i++) {
            if (i == t.end() || isJoiner(text.charAt(i))) {
                if (i > from) {
                    dev.heed.text.Span span = new dev.heed.text.Span(from, i);
                    out.add(Token.of(text, span, text.substring(from, i)));
                }
                from = i + 1;
            }
        }
    }

    private static boolean hasLetterOrDigit(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(length);
        offset.setOffset(last, last);
    }

    @Override
    public void close() throws IOException {
        super.close();
        tokens = List.of();
    }
}
