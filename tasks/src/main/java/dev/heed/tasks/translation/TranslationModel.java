package dev.heed.tasks.translation;

import dev.heed.tasks.seq2seq.DecodeOptions;
import dev.heed.tasks.seq2seq.CrossAttentionAlignments;
import dev.heed.tasks.seq2seq.Decoding;
import dev.heed.tasks.seq2seq.Hypothesis;
import dev.heed.tasks.seq2seq.LoadedSeq2Seq;
import dev.heed.tasks.seq2seq.Seq2SeqBlock;
import dev.heed.tasks.seq2seq.SubwordCodec;
import dev.heed.tasks.seq2seq.Vocabularies;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.heed.alignment.Alignment;
import dev.heed.model.ComponentSpec;
import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelLoadException;
import dev.heed.models.ModelResolver;
import dev.heed.tasks.embedding.TooLongException;
import dev.heed.text.CoreNlpWordTokenizer;
import dev.heed.text.NoTokensException;
import dev.heed.text.Sentence;
import dev.heed.text.Span;
import dev.heed.text.SubwordEncoding;
import dev.heed.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A trained translation model, loaded by name or path: {@code translate(String)} and
 * {@code translate(List<String>, DecodeOptions)} give the translation, its score, the n-best list and, on
 * request, the cross-attention alignment.
 *
 * <p>Long inputs follow the long-input policy: a text of several sentences (CoreNLP's splitter) is translated
 * sentence by sentence and the translations joined; a single sentence longer than {@link #maxSourceTokens()}
 * subwords is refused with {@link TooLongException}, never cut. An empty text is an {@link IllegalArgumentException}.
 *
 * <p>Thread-safe: calls share the weights and make their own arrays. Closeable; {@link #close()} is idempotent.
 */
public final class TranslationModel implements AutoCloseable {

    /**
     * Sentences searched together. Measured on 2 cores with the shipped model at beam 5 (bench/README.md): 16 and 8
     * beat 32 both warm (8.2 and 8.1 s against 9.7 s for 192 val sentences) and on first use of each shape.
     */
    static final int DECODE_BATCH = 16;

    private final String name;
    private final Seq2SeqBlock model;
    private final Vocabularies vocabularies;
    private final NDManager manager;
    private final String languages;
    private final CoreNlpWordTokenizer sentences = new CoreNlpWordTokenizer();
    private boolean closed;

    private TranslationModel(String name, Seq2SeqBlock model, Vocabularies vocabularies, NDManager manager,
            String languages) {
        this.name = name;
        this.languages = languages;
        this.model = model;
        this.vocabularies = vocabularies;
        this.manager = manager;
    }

    /** Loads a named model or a model directory onto the CPU. */
    public static TranslationModel load(String nameOrPath) throws ModelLoadException {
        return load(nameOrPath, Device.cpu());
    }

    /** Loads a named model or a model directory onto {@code device}. */
    public static TranslationModel load(String nameOrPath, Device device) throws ModelLoadException {
        ModelDirectory dir = new ModelResolver().resolve(nameOrPath);
        LoadedSeq2Seq loaded = LoadedSeq2Seq.open(dir, "translation", device);
        ComponentSpec vectorizer = dir.manifest().components().get("vectorizer");
        String languages = vectorizer == null ? "" : String.valueOf(vectorizer.config().getOrDefault("languages", ""));
        return new TranslationModel(dir.manifest().name(), loaded.model(), loaded.vocabularies(), loaded.manager(),
                languages);
    }

    /** The model's name. */
    public String name() {
        return name;
    }

    /** The language pair it translates, {@code "en-de"} (empty when the manifest does not say). */
    public String languages() {
        return languages;
    }

    /** The number of subwords of {@code text} (without {@code </s>}). */
    public int countTokens(String text) {
        return vocabularies.source().encode(text).size();
    }

    /** The longest sentence, in subwords, it translates (longer ones are refused, not cut). */
    public int maxSourceTokens() {
        return Math.min(model.encoder().maxLength(), model.decoder().config().maxLength()) - 1;
    }

    /** Whether translations can carry an alignment. */
    public boolean exportsAttention() {
        return true;
    }

    /**
     * Whether {@code text} is empty for translation: nothing but whitespace, control and invisible format
     * characters (U+200B, U+2063, ...), the texts that {@link #translate(List, DecodeOptions)} refuses (blank)
     * or finds no words in ({@link dev.heed.text.NoTokensException}). Callers that score a corpus give such a
     * line an empty translation.
     */
    public static boolean isEmptyText(String text) {
        return NoTokensException.hasNoVisibleText(text);
    }

    /** The translation of {@code text} by beam search of 5. */
    public String translate(String text) {
        return translate(List.of(text), DecodeOptions.beam(5)).get(0).text();
    }

    /**
     * The translations of {@code texts}, searched together.
     *
     * @throws IllegalArgumentException when a text is empty (blank)
     * @throws TooLongException when a sentence is longer than {@link #maxSourceTokens()}
     * @throws NoTokensException naming the texts in which CoreNLP finds no word (only invisible or format
     *     characters, such as U+200B): nothing to translate
     */
    public List<Translation> translate(List<String> texts, DecodeOptions options) {
        if (closed) {
            throw new IllegalStateException("this model is closed");
        }
        List<List<Segment>> segments = new ArrayList<>();
        List<long[]> sources = new ArrayList<>();
        boolean passThrough = false;
        List<Integer> empty = new ArrayList<>();
        for (String text : texts) {
            List<Segment> parts = segment(text);
            if (parts.isEmpty()) {
                empty.add(segments.size());
            }
            segments.add(parts);
            for (Segment s : parts) {
                sources.add(SubwordCodec.withEos(s.read().ids()));
                passThrough |= s.text().any();
            }
        }
        if (!empty.isEmpty()) {
            throw new NoTokensException(empty, texts);
        }
        // spans are carried through by the cross-attention, so it is captured whenever there are spans
        List<List<Hypothesis>> found = Decoding.decodeAll(model, manager, sources,
                passThrough ? options.withAttention(true) : options, DECODE_BATCH);
        List<Translation> out = new ArrayList<>(texts.size());
        int next = 0;
        for (int i = 0; i < texts.size(); i++) {
            List<Segment> parts = segments.get(i);
            out.add(assemble(texts.get(i), parts, found.subList(next, next + parts.size()), options));
            next += parts.size();
        }
        return out;
    }

    /**
     * One sentence as the model reads it: case-normalized, verbatim spans protected ({@code read} holds the
     * subwords of {@code text.text()}), and the same subwords with spans into the original sentence
     * ({@code encoding}, for alignments).
     */
    private record Segment(int offset, SubwordEncoding encoding, ShoutedText.Style style,
            SpanPassThrough.Protected text, SubwordEncoding read) {
    }

    private Segment segmentAt(int offset, String sentence) {
        ShoutedText.Style style = ShoutedText.styleOf(sentence);
        SpanPassThrough.Protected p = SpanPassThrough.protect(sentence, ShoutedText.normalize(sentence, style));
        SubwordEncoding read = vocabularies.source().encode(p.text());
        SubwordEncoding encoding = read;
        if (p.any()) {
            List<Token> tokens = new ArrayList<>(read.size());
            for (Token t : read.tokens()) {
                Span span = t.special() ? t.span() : p.toOriginal(t.span());
                tokens.add(new Token(span.of(sentence), t.normalized(), span, t.special()));
            }
            encoding = new SubwordEncoding(read.ids(), tokens, read.wordIds());
        }
        return new Segment(offset, encoding, style, p, read);
    }

    private List<Segment> segment(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty text: nothing to translate");
        }
        List<Sentence> split = sentences.sentences(text);
        List<Segment> parts = new ArrayList<>();
        if (split.isEmpty()) {
            return parts;   // no words: only invisible or format characters
        }
        if (split.size() == 1) {
            parts.add(segmentAt(0, text));
        } else {
            for (Sentence s : split) {
                parts.add(segmentAt(s.span().start(), s.span().of(text)));
            }
        }
        for (Segment s : parts) {
            if (s.encoding().size() > maxSourceTokens()) {
                throw new TooLongException("a sentence of " + s.encoding().size() + " subwords is longer than the "
                        + maxSourceTokens() + " this model translates; split it into shorter sentences");
            }
        }
        return parts;
    }

    private Translation assemble(String text, List<Segment> parts, List<List<Hypothesis>> hypotheses,
            DecodeOptions options) {
        StringBuilder joined = new StringBuilder();
        List<CrossAttentionAlignments.Part> aligned = new ArrayList<>();
        double score = 0;
        for (int p = 0; p < parts.size(); p++) {
            Hypothesis best = hypotheses.get(p).get(0);
            SubwordCodec.Decoded decoded = decode(best, parts.get(p));
            if (joined.length() > 0 && !decoded.text().isEmpty()) {
                joined.append(' ');
            }
            aligned.add(new CrossAttentionAlignments.Part(parts.get(p).offset(), parts.get(p).encoding(), joined.length(),
                    decoded, best));
            joined.append(decoded.text());
            score += best.score();
        }
        String translation = joined.toString();
        List<Translation.Scored> nBest = new ArrayList<>();
        if (parts.size() == 1) {
            for (Hypothesis h : hypotheses.get(0)) {
                nBest.add(new Translation.Scored(decode(h, parts.get(0)).text(), h.score()));
            }
        } else {
            // each sentence has its own n best: the text's n best are their best combinations
            List<double[]> scores = hypotheses.stream()
                    .map(hs -> hs.stream().mapToDouble(Hypothesis::score).toArray()).toList();
            for (int[] picks : CombinedNBest.best(scores, Math.max(1, options.nBest()))) {
                StringBuilder text2 = new StringBuilder();
                double sum = 0;
                for (int p = 0; p < parts.size(); p++) {
                    Hypothesis h = hypotheses.get(p).get(picks[p]);
                    String part = decode(h, parts.get(p)).text();
                    if (text2.length() > 0 && !part.isEmpty()) {
                        text2.append(' ');
                    }
                    text2.append(part);
                    sum += h.score();
                }
                nBest.add(new Translation.Scored(text2.toString(), sum / parts.size()));
            }
        }
        Optional<Alignment> alignment = options.attention()
                ? Optional.of(CrossAttentionAlignments.of(name, text, translation, aligned,
                        model.decoder().attentionLayers(), model.decoder().attentionHeads(),
                        vocabularies.target()))
                : Optional.empty();
        boolean truncated = hypotheses.stream().anyMatch(h -> !h.get(0).ended());
        return new Translation(translation, score / parts.size(), alignment, nBest, truncated);
    }

    /** The text of a hypothesis as the user reads it: capitals restored, verbatim spans carried through. */
    private SubwordCodec.Decoded decode(Hypothesis h, Segment segment) {
        SubwordCodec.Decoded decoded = vocabularies.target().decode(h.tokens());
        decoded = new SubwordCodec.Decoded(ShoutedText.restore(decoded.text(), segment.style()), decoded.spans());
        if (!segment.text().any()) {
            return decoded;
        }
        List<Span> source = segment.read().tokens().stream().map(Token::span).toList();
        return SpanPassThrough.restore(segment.text(), decoded, source, h.attention(),
                model.decoder().attentionLayers(), model.decoder().attentionHeads());
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            vocabularies.close();
            manager.close();
        }
    }
}
