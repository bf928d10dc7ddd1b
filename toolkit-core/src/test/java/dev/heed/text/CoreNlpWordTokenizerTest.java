package dev.heed.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoreNlpWordTokenizerTest extends TokenizerContractTest {

    private static final WordTokenizer TOKENIZER = new CoreNlpWordTokenizer();

    @Override
    protected WordTokenizer tokenizer() {
        return TOKENIZER;
    }

    @Test
    void splitsSentencesAndKeepsAbbreviationsTogether() {
        String text = "Mr. Smith went to Washington. He arrived at 5 p.m. on Jan. 3rd!";
        List<Sentence> sentences = TOKENIZER.sentences(text);
        assertEquals(2, sentences.size());
        assertEquals("Mr. Smith went to Washington.", sentences.get(0).span().of(text));
        assertEquals("Mr.", sentences.get(0).tokens().get(0).surface());
    }

    @Test
    void normalizedFormIsLowerCasedPtb() {
        List<Token> tokens = TOKENIZER.words("He said (\"Hello\").");
        List<String> surface = tokens.stream().map(Token::surface).toList();
        List<String> normalized = tokens.stream().map(Token::normalized).toList();
        assertEquals(List.of("He", "said", "(", "\"", "Hello", "\"", ")", "."), surface);
        assertEquals(List.of("he", "said", "-lrb-", "``", "hello", "''", "-rrb-", "."), normalized);
    }

    @Test
    void blankTextHasNoSentences() {
        assertEquals(List.of(), TOKENIZER.sentences(" \t\n "));
    }
}
