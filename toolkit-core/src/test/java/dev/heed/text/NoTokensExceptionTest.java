package dev.heed.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which texts hold nothing to read: the rule the task models and their corpus scorers share. */
class NoTokensExceptionTest {

    @Test
    void onlyWhitespaceControlAndFormatCharactersAreNothingToRead() {
        assertTrue(NoTokensException.hasNoVisibleText(""));
        assertTrue(NoTokensException.hasNoVisibleText(" \t\n\u00a0"));
        assertTrue(NoTokensException.hasNoVisibleText("\u200b\u2063\ufeff"));
        assertTrue(NoTokensException.hasNoVisibleText("\u0007 \u200b"));
        assertFalse(NoTokensException.hasNoVisibleText("\u200ba"));
        assertFalse(NoTokensException.hasNoVisibleText("."));
        assertFalse(NoTokensException.hasNoVisibleText("\ud83d\ude00"));
    }
}
