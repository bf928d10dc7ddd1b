package dev.heed.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The span contract every {@link WordTokenizer} keeps: surfaces are exact substrings, tokens do not
 * overlap and come in order, and no character is left out but whitespace and invisible
 * format characters (zero-width space, BOM), which CoreNLP treats as separators.
 */
public abstract class TokenizerContractTest {

    /** The tokenizer under test. */
    protected abstract WordTokenizer tokenizer();

    /** Texts that break naive offset arithmetic. */
    static Stream<String> contractTexts() {
        return Stream.of(
                "Héllo wörld, naïve café-au-lait déjà vu.",
                "Thumbs up 👍🏽 and a family 👨‍👩‍👧 and flags 🇩🇪 here.",
                "東京は日本の首都です。中文也可以。",
                "Combining: e\u0301 (e + acute) and A\u030A and n\u0303o.",
                "Tabs\tand\t\ttabs,   runs  of    spaces,\n\nnew lines.\r\nWindows too.",
                "He said \"no\" (twice) -- and [left]; cost: $3.50 & 20% {ok}?",
                "Mr. Smith went to Washington. He arrived at 5 p.m. on Jan. 3rd!",
                "   leading and trailing spaces   ",
                "\u00a0non\u00a0breaking\u200bzero width\ufeffBOM",
                "a");
    }

    @ParameterizedTest
    @MethodSource("contractTexts")
    void surfacesAreExactSubstrings(String text) {
        for (Sentence sentence : tokenizer().sentences(text)) {
            for (Token token : sentence.tokens()) {
                assertEquals(text.substring(token.start(), token.end()), token.surface(),
                        "surface of " + token);
                assertFalse(token.special());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("contractTexts")
    void tokensAreOrderedAndCoverEveryNonSpaceCharacter(String text) {
        List<Token> tokens = tokenizer().words(text);
        boolean[] covered = new boolean[text.length()];
        int previousEnd = 0;
        for (Token token : tokens) {
            assertTrue(token.start() >= previousEnd, "token " + token + " overlaps or is out of order");
            assertTrue(token.end() > token.start(), "empty token " + token);
            for (int i = token.start(); i < token.end(); i++) {
                covered[i] = true;
            }
            previousEnd = token.end();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!covered[i] && !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                    && Character.getType(c) != Character.FORMAT) {
                throw new AssertionError("character U+" + Integer.toHexString(c) + " at " + i
                        + " of '" + text + "' is in no token: " + tokens);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("contractTexts")
    void sentenceSpansEncloseTheirTokens(String text) {
        int previousEnd = 0;
        for (Sentence sentence : tokenizer().sentences(text)) {
            assertTrue(sentence.span().start() >= previousEnd);
            for (Token token : sentence.tokens()) {
                assertTrue(sentence.span().contains(token.span()));
            }
            previousEnd = sentence.span().end();
        }
    }
}
