package dev.heed.text;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * English sentences and words through Stanford CoreNLP's {@code tokenize} and {@code ssplit} annotators.
 *
 * <p>Spans are CoreNLP's character offsets, which are UTF-16 indexes into the input. The normalized form
 * of a word is CoreNLP's PTB-escaped word ({@code (} becomes {@code -LRB-}, quotes become {@code ``} and
 * {@code ''}) in lower case, which is the form of the SST and Multi30k tokenized corpora. Characters CoreNLP
 * cannot tokenize are kept as tokens of their own, never dropped.
 *
 * <p>Thread-safe: the underlying pipeline holds no per-call state. Building one loads CoreNLP's lexer and runs it
 * once (0.15-0.17 s in a fresh JVM without the class archive, bench/probe SentimentLoadProbe); share an instance.
 */
public final class CoreNlpWordTokenizer implements WordTokenizer {

    private final StanfordCoreNLP pipeline;
    private final boolean lowerCase;

    /** A tokenizer whose normalized forms are lower-cased PTB words. */
    public CoreNlpWordTokenizer() {
        this(true);
    }

    /**
     * @param lowerCase whether the normalized form is lower-cased; the PTB escapes are always applied
     */
    public CoreNlpWordTokenizer(boolean lowerCase) {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit");
        props.setProperty("tokenize.language", "en");
        props.setProperty("tokenize.options", "invertible=true,ptb3Escaping=true,untokenizable=noneKeep");
        props.setProperty("tokenize.keepeol", "false");
        this.pipeline = new StanfordCoreNLP(props, false);
        this.lowerCase = lowerCase;
        // CoreNLP's lexer unpacks its tables on first use (0.06 s measured with the class archive): here, while a
        // model load still waits for libtorch, rather than in the first text's tokenization.
        pipeline.annotate(new Annotation("Heed."));
    }

    @Override
    public List<Sentence> sentences(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        Annotation document = new Annotation(text);
        pipeline.annotate(document);
        List<CoreMap> sentenceMaps = document.get(CoreAnnotations.SentencesAnnotation.class);
        List<Sentence> sentences = new ArrayList<>(sentenceMaps.size());
        for (CoreMap sentenceMap : sentenceMaps) {
            List<CoreLabel> labels = sentenceMap.get(CoreAnnotations.TokensAnnotation.class);
            List<Token> tokens = new ArrayList<>(labels.size());
            for (CoreLabel label : labels) {
                Span span = new Span(label.beginPosition(), label.endPosition());
                String word = label.word();
                tokens.add(Token.of(text, span, lowerCase ? word.toLowerCase(Locale.ROOT) : word));
            }
            if (!tokens.isEmpty()) {
                Span span = new Span(tokens.get(0).start(), tokens.get(tokens.size() - 1).end());
                sentences.add(new Sentence(span, tokens));
            }
        }
        return List.copyOf(sentences);
    }
}
