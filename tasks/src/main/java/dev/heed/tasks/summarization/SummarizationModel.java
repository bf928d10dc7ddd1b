package dev.heed.tasks.summarization;

import ai.djl.Device;
import dev.heed.alignment.Alignment;
import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelLoadException;
import dev.heed.models.ModelResolver;
import dev.heed.tasks.embedding.LongInputPolicy;
import dev.heed.tasks.embedding.TooLongException;
import dev.heed.tasks.seq2seq.CrossAttentionAlignments;
import dev.heed.tasks.seq2seq.DecodeOptions;
import dev.heed.tasks.seq2seq.Decoding;
import dev.heed.tasks.seq2seq.Hypothesis;
import dev.heed.tasks.seq2seq.LoadedSeq2Seq;
import dev.heed.tasks.seq2seq.SubwordCodec;
import dev.heed.text.NoTokensException;
import dev.heed.text.SubwordEncoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A trained summarization model, loaded by name or path: {@code summarize(String)} and
 * {@code summarize(List<String>, DecodeOptions)} give the summary, its score, the n-best list and, on request, the
 * cross-attention alignment and the copy share of every summary token.
 *
 * <p>Long documents follow the long-input policy: {@link LongInputPolicy#TRUNCATE} (the default) keeps the first
 * {@link #maxSourceTokens()} subwords, and every {@link Summary} says how many were cut; {@link LongInputPolicy#REJECT}
 * refuses them with {@link TooLongException}. A blank text is an {@link IllegalArgumentException}; a text without
 * a word a {@link NoTokensException}.
 *
 * <p>Thread-safe: calls share the weights and make their own arrays. Closeable; {@link #close()} is idempotent.
 */
public final class SummarizationModel implements AutoCloseable {

    /**
     * The default search, as {@code heed summarize}'s: greedy (the shipped {@code aeslc} scores AESLC dev ROUGE-1
     * 27.05 greedy, 27.51 at beam 4 with length penalty 2.0, 3.3 times slower; {@code aeslc-pointer-generator} 21.60
     * and 20.10), at
     * most 30 subwords (a subject line; the longest AESLC
     * dev subject has fewer), no repeated subword trigram; length penalty 2.0 for a wider beam
     * ({@code DEFAULT_SEARCH} with another beam: {@code new DecodeOptions(4, 30, 0, 2.0, 0, 3, 1, false)}).
     */
    public static final DecodeOptions DEFAULT_SEARCH = new DecodeOptions(1, 30, 0, 2.0, 0, 3, 1, false);

    private final String name;
    private final LoadedSeq2Seq loaded;
    private final int maxSourceTokens;
    private boolean closed;

    private SummarizationModel(String name, LoadedSeq2Seq loaded, int maxSourceTokens) {
        this.name = name;
        this.loaded = loaded;
        this.maxSourceTokens = maxSourceTokens;
    }

    /** Loads a named model or a model directory onto the CPU. */
    public static SummarizationModel load(String nameOrPath) throws ModelLoadException {
        return load(nameOrPath, Device.cpu());
    }

    /** Loads a named model or a model directory onto {@code device}. */
    public static SummarizationModel load(String nameOrPath, Device device) throws ModelLoadException {
        ModelDirectory dir = new ModelResolver().resolve(nameOrPath);
        LoadedSeq2Seq loaded = LoadedSeq2Seq.open(dir, "summarization", device);
        Object trained = dir.manifest().components().get("vectorizer").config().get("maxSourceTokens");
        int limit = loaded.vocabularies().source().sourceStartsWithBos()
                ? loaded.model().encoder().maxLength() - 2              // [CLS] and [SEP] take a position each
                : Math.min(loaded.model().encoder().maxLength(), loaded.model().decoder().config().maxLength()) - 1;
        int keep = trained instanceof Number n && n.intValue() > 0 ? Math.min(n.intValue(), limit) : limit;
        return new SummarizationModel(dir.manifest().name(), loaded, keep);
    }

    /** The model's name. */
    public String name() {
        return name;
    }

    /** The most subwords of a document it reads: the length it was trained on. */
    public int maxSourceTokens() {
        return maxSourceTokens;
    }

    /** Whether its decoder copies from the document (a pointer-generator). */
    public boolean copies() {
        return loaded.model().decoder().config().copy();
    }

    /** The summary of {@code text} by {@link #DEFAULT_SEARCH}. */
    public String summarize(String text) {
        return summarize(List.of(text), DEFAULT_SEARCH, LongInputPolicy.TRUNCATE).get(0).text();
    }

    /** The summaries of {@code texts}, long ones cut to {@link #maxSourceTokens()}. */
    public List<Summary> summarize(List<String> texts, DecodeOptions options) {
        return summarize(texts, options, LongInputPolicy.TRUNCATE);
    }

    /**
     * The summaries of {@code texts}, searched together.
     *
     * @throws IllegalArgumentException when a text is blank
     * @throws NoTokensException naming the texts without a word (only invisible or format characters)
     * @throws TooLongException under {@link LongInputPolicy#REJECT}, for a text longer than {@link #maxSourceTokens()}
     */
    public List<Summary> summarize(List<String> texts, DecodeOptions options, LongInputPolicy policy) {
        if (closed) {
            throw new IllegalStateException("this model is closed");
        }
        SubwordCodec codec = loaded.vocabularies().source();
        List<SubwordEncoding> encodings = new ArrayList<>(texts.size());
        List<long[]> sources = new ArrayList<>(texts.size());
        List<Integer> empty = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text.isBlank()) {
                throw new IllegalArgumentException("empty text: nothing to summarize");
            }
            SubwordEncoding encoding = codec.encode(text);
            if (encoding.size() == 0 || NoTokensException.hasNoVisibleText(text)) {
                empty.add(i);
            }
            if (encoding.size() > maxSourceTokens && policy == LongInputPolicy.REJECT) {
                throw new TooLongException("a document of " + encoding.size() + " subwords is longer than the "
                        + maxSourceTokens + " this model reads (--long-input truncate keeps the first ones)");
            }
            encodings.add(encoding);
            sources.add(codec.source(encoding.ids(), maxSourceTokens));
        }
        if (!empty.isEmpty()) {
            throw new NoTokensException(empty, texts);
        }
        List<List<Hypothesis>> found = Decoding.decodeAll(loaded.model(), loaded.manager(), sources, options, 16);
        List<Summary> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(assemble(texts.get(i), encodings.get(i), found.get(i), options));
        }
        return out;
    }

    private Summary assemble(String text, SubwordEncoding encoding, List<Hypothesis> hypotheses,
            DecodeOptions options) {
        SubwordCodec codec = loaded.vocabularies().target();
        Hypothesis best = hypotheses.get(0);
        SubwordCodec.Decoded decoded = codec.decode(best.tokens());
        List<Summary.Scored> nBest = hypotheses.stream()
                .map(h -> new Summary.Scored(codec.decode(h.tokens()).text(), h.score())).toList();
        int read = Math.min(encoding.size(), maxSourceTokens);
        Optional<Alignment> alignment = Optional.empty();
        if (options.attention()) {
            SubwordEncoding kept = read == encoding.size() ? encoding : new SubwordEncoding(
                    Arrays.copyOf(encoding.ids(), read), encoding.tokens().subList(0, read),
                    Arrays.copyOf(encoding.wordIds(), read));
            if (loaded.vocabularies().source().sourceStartsWithBos()) {     // the encoder read [CLS] first
                kept = withLeadingSpecial(kept, "[CLS]", SubwordCodec.BOS);
            }
            alignment = Optional.of(CrossAttentionAlignments.of(name, text, decoded.text(),
                    List.of(new CrossAttentionAlignments.Part(0, kept, 0, decoded, best)),
                    loaded.model().decoder().attentionLayers(), loaded.model().decoder().attentionHeads(), codec));
        }
        return new Summary(decoded.text(), best.score(), alignment, best.copyShares(), nBest, encoding.size(),
                encoding.size() - read, !best.ended());
    }

    private static SubwordEncoding withLeadingSpecial(SubwordEncoding encoding, String symbol, long id) {
        long[] ids = new long[encoding.size() + 1];
        int[] words = new int[encoding.size() + 1];
        ids[0] = id;
        words[0] = -1;
        System.arraycopy(encoding.ids(), 0, ids, 1, encoding.size());
        System.arraycopy(encoding.wordIds(), 0, words, 1, encoding.size());
        List<dev.heed.text.Token> tokens = new ArrayList<>(encoding.size() + 1);
        tokens.add(dev.heed.text.Token.special(symbol));
        tokens.addAll(encoding.tokens());
        return new SubwordEncoding(ids, tokens, words);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            loaded.close();
        }
    }
}
