package dev.heed.lucene;

import dev.heed.text.CoreNlpWordTokenizer;
import dev.heed.text.WordTokenizer;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;

/**
 * Heed's analyzer for English text: CoreNLP words ({@link CoreNlpTokenizer}, exact UTF-16 offsets, punctuation
 * left out), lower case, then optionally Lucene's English stop words ({@link EnglishAnalyzer#ENGLISH_STOP_WORDS_SET})
 * and the Porter stemmer (M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980).
 *
 * <pre>{@code
 * Analyzer analyzer = new HeedAnalyzer(HeedAnalyzer.Options.SEARCH);   // stop words and stemming
 * IndexWriterConfig config = new IndexWriterConfig(analyzer);
 * }</pre>
 *
 * <p>Thread-safe, as every Lucene {@link Analyzer} (token streams are reused per thread). Closed by its owner.
 * The CoreNLP lexer it reads through is loaded once per analyzer (about a second); share the analyzer.
 */
public final class HeedAnalyzer extends Analyzer {

    /**
     * What the analyzer does after the words are lower-cased. Immutable.
     *
     * @param stopWords whether Lucene's English stop words are removed
     * @param stem whether words are reduced by the Porter stemmer
     * @param maxTokenLength longer words (UTF-16 characters) are skipped
     * @param splitCompounds whether words joined by hyphens or slashes are split into their parts
     */
    public record Options(boolean stopWords, boolean stem, int maxTokenLength, boolean splitCompounds) {

        /** Words in lower case as CoreNLP cuts them, nothing removed, split or stemmed. */
        public static final Options PLAIN = new Options(false, false, CoreNlpTokenizer.DEFAULT_MAX_TOKEN_LENGTH, false);

        /**
         * Compounds split, stop words removed and Porter stemming: what BM25 over English text wants (the CLI's
         * default; on SciFact splitting compounds is what brings it level with Lucene's EnglishAnalyzer).
         */
        public static final Options SEARCH = new Options(true, true, CoreNlpTokenizer.DEFAULT_MAX_TOKEN_LENGTH, true);

        public Options {
            if (maxTokenLength < 1) {
                throw new IllegalArgumentException("maxTokenLength must be >= 1, got " + maxTokenLength);
            }
        }
    }

    private final WordTokenizer words;
    private final Options options;

    /** An analyzer with its own CoreNLP tokenizer. */
    public HeedAnalyzer(Options options) {
        this(new CoreNlpWordTokenizer(), options);
    }

    /** An analyzer reading through {@code words} (thread-safe, shared). */
    public HeedAnalyzer(WordTokenizer words, Options options) {
        this.words = Objects.requireNonNull(words, "words");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** What this analyzer does. */
    public Options options() {
        return options;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        CoreNlpTokenizer source = new CoreNlpTokenizer(words, options.maxTokenLength(), options.splitCompounds());
        TokenStream stream = new LowerCaseFilter(source);
        if (options.stopWords()) {
            stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        }
        if (options.stem()) {
            stream = new PorterStemFilter(stream);
        }
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    @Override
    public String toString() {
        return "HeedAnalyzer[stopWords=" + options.stopWords() + ", stem=" + options.stem() + ", splitCompounds="
                + options.splitCompounds() + "]";
    }
}
