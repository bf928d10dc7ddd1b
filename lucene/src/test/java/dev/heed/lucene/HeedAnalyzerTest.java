package dev.heed.lucene;

import dev.heed.text.CoreNlpWordTokenizer;
import java.io.IOException;
import java.io.StringReader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.Tokenizer;

/** Lucene's own token-stream contract on the CoreNLP tokenizer and HeedAnalyzer, random data included. */
public class HeedAnalyzerTest extends BaseTokenStreamTestCase {

    private static final CoreNlpWordTokenizer WORDS = new CoreNlpWordTokenizer();

    public void testWordsKeepTheirUtf16OffsetsAndCase() throws IOException {
        // an emoji is two UTF-16 units: the offsets after it count both
        String text = "Caf\u00e9 \uD83D\uDE00 Na\u0308ive (twice): \"no\" don't.";
        Tokenizer t = new CoreNlpTokenizer(WORDS, 255);
        t.setReader(new StringReader(text));
        assertTokenStreamContents(t,
                new String[] {"Caf\u00e9", "Na\u0308ive", "twice", "no", "do", "n't"},
                new int[] {0, 8, 16, 25, 29, 31},
                new int[] {4, 14, 21, 27, 31, 34},
                new int[] {1, 2, 2, 4, 2, 1},
                text.length());
        assertEquals("Na\u0308ive", text.substring(8, 14));
    }

    public void testLowerCaseStopWordsAndStemming() throws IOException {
        try (Analyzer plain = new HeedAnalyzer(WORDS, HeedAnalyzer.Options.PLAIN);
                Analyzer search = new HeedAnalyzer(WORDS, HeedAnalyzer.Options.SEARCH)) {
            assertAnalyzesTo(plain, "The Running Dogs", new String[] {"the", "running", "dogs"});
            assertAnalyzesTo(search, "The Running Dogs", new String[] {"run", "dog"}, new int[] {4, 12},
                    new int[] {11, 16}, new int[] {2, 1});
            assertTrue(CharArraySet.copy(org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)
                    .contains("the"));
        }
    }

    public void testCompoundsSplitIntoTheirPartsWithExactSpans() throws IOException {
        String text = "0-dimensional IL-6 and/or TNF\u2013alpha";
        Tokenizer t = new CoreNlpTokenizer(WORDS, 255, true);
        t.setReader(new StringReader(text));
        assertTokenStreamContents(t, new String[] {"0", "dimensional", "IL", "6", "and", "or", "TNF", "alpha"},
                new int[] {0, 2, 14, 17, 19, 23, 26, 30}, new int[] {1, 13, 16, 18, 22, 25, 29, 35}, text.length());
        Tokenizer whole = new CoreNlpTokenizer(WORDS, 255, false);
        whole.setReader(new StringReader("0-dimensional"));
        assertTokenStreamContents(whole, new String[] {"0-dimensional"});
        try (Analyzer search = new HeedAnalyzer(WORDS, HeedAnalyzer.Options.SEARCH)) {
            checkRandomData(random(), search, 50 * RANDOM_MULTIPLIER, 64);
        }
    }

    public void testOverLongWordsAreSkippedAndCountInPositions() throws IOException {
        Tokenizer t = new CoreNlpTokenizer(WORDS, 5);
        t.setReader(new StringReader("short extraordinarily long"));
        assertTokenStreamContents(t, new String[] {"short", "long"}, new int[] {0, 22}, new int[] {5, 26},
                new int[] {1, 2}, 26);
    }

    public void testCharFiltersKeepOffsetsExact() throws IOException {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        map.add("&amp;", "&");
        Analyzer analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                return new TokenStreamComponents(new CoreNlpTokenizer(WORDS, 255));
            }

            @Override
            protected java.io.Reader initReader(String field, java.io.Reader reader) {
                return new MappingCharFilter(map.build(), reader);
            }
        };
        assertAnalyzesTo(analyzer, "AT&amp;T rocks", new String[] {"AT&T", "rocks"}, new int[] {0, 9},
                new int[] {8, 14});
        analyzer.close();
    }

    public void testEmptyAndBlankInput() throws IOException {
        try (Analyzer a = new HeedAnalyzer(WORDS, HeedAnalyzer.Options.SEARCH)) {
            assertAnalyzesTo(a, "", new String[0]);
            assertAnalyzesTo(a, "  \n\t ", new String[0]);
            assertAnalyzesTo(a, "?!", new String[0]);
        }
    }

    public void testRandomStrings() throws IOException {
        try (Analyzer a = new HeedAnalyzer(WORDS, HeedAnalyzer.Options.SEARCH)) {
            checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
        }
        try (Analyzer a = new HeedAnalyzer(WORDS, HeedAnalyzer.Options.PLAIN)) {
            checkRandomData(random(), a, 20 * RANDOM_MULTIPLIER, 2048);
        }
    }
}
