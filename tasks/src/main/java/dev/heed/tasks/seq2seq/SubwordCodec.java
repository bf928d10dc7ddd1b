package dev.heed.tasks.seq2seq;

import dev.heed.text.Span;
import dev.heed.text.SubwordEncoding;
import dev.heed.text.SubwordTokenizer;
import dev.heed.text.Token;
import dev.heed.text.vocab.BpeConfig;
import dev.heed.text.vocab.BpeTrainer;
import dev.heed.text.vocab.ByteLevel;
import dev.heed.text.vocab.TokenizerJsonReader;
import dev.heed.text.vocab.TokenizerJsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Text to subword ids and back for sequence models, through a byte-level BPE {@code tokenizer.json} (any text
 * encodes without an unknown token). Ids 0..3 are {@code <pad> <unk> <s> </s>}. Decoding is done here, piece
 * by piece, so every output token gets its span in the output text.
 *
 * <p>Thread-safe. Holds the native tokenizer: close it.
 */
public final class SubwordCodec implements AutoCloseable {

    public static final int PAD = 0;
    public static final int UNK = 1;
    public static final int BOS = 2;
    public static final int EOS = 3;

    private final SubwordTokenizer tokenizer;
    private final List<String> vocabulary;

    private SubwordCodec(SubwordTokenizer tokenizer, List<String> vocabulary) {
        if (vocabulary.size() < 5 || !vocabulary.subList(0, 4).equals(BpeConfig.DEFAULT_SPECIALS)) {
            throw new IllegalArgumentException(tokenizer.source() + " does not start with the special tokens "
                    + BpeConfig.DEFAULT_SPECIALS + " of Heed's sequence models");
        }
        this.tokenizer = tokenizer;
        this.vocabulary = vocabulary;
    }

    /** Loads a byte-level BPE {@code tokenizer.json} written by Heed. */
    public static SubwordCodec load(Path tokenizerJson) throws IOException {
        List<String> vocabulary = TokenizerJsonReader.bpeVocabulary(tokenizerJson);
        SubwordTokenizer tokenizer = SubwordTokenizer.load(tokenizerJson, false);
        try {
            return new SubwordCodec(tokenizer, vocabulary);
        } catch (IllegalArgumentException e) {
            tokenizer.close();
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Learns a byte-level BPE of {@code vocabSize} pieces (case kept) from {@code texts}, writes it to {@code out}. */
    public static SubwordCodec learn(Iterable<String> texts, int vocabSize, Path out) throws IOException {
        TokenizerJsonWriter.writeByteLevelBpe(new BpeTrainer(BpeConfig.ofSize(vocabSize)).train(texts), out);
        return load(out);
    }

    /** {@code ids} followed by {@code </s>}: a source or target as the sequence models read it. */
    public static long[] withEos(long[] ids) {
        long[] out = java.util.Arrays.copyOf(ids, ids.length + 1);
        out[ids.length] = EOS;
        return out;
    }

    /** The number of ids. */
    public int size() {
        return vocabulary.size();
    }

    /** The piece of {@code id}. */
    public String piece(int id) {
        return vocabulary.get(id);
    }

    /** The file it was loaded from. */
    public Path source() {
        return tokenizer.source();
    }

    /**
     * The pieces of {@code text} with their spans, no special tokens added. Special-token strings typed in the
     * text ({@code </s>}) are not honoured as such: they are left out of the ids, as their markup is not text.
     */
    public SubwordEncoding encode(String text) {
        SubwordEncoding encoding = tokenizer.encode(text);
        long[] all = encoding.ids();           // ids() and wordIds() copy: read them once (linear in the text)
        int[] allWords = encoding.wordIds();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < encoding.size(); i++) {
            if (!encoding.tokens().get(i).special() && all[i] >= 4) {
                keep.add(i);
            }
        }
        if (keep.size() == encoding.size()) {
            return encoding;
        }
        long[] ids = new long[keep.size()];
        int[] words = new int[keep.size()];
        List<Token> tokens = new ArrayList<>(keep.size());
        for (int j = 0; j < keep.size(); j++) {
            int i = keep.get(j);
            ids[j] = all[i];
            words[j] = allWords[i];
            tokens.add(encoding.tokens().get(i));
        }
        return new SubwordEncoding(ids, tokens, words);
    }

    /** Text made of ids, and each id's span in it. */
    public record Decoded(String text, List<Span> spans) {
    }

    /**
     * The text of {@code ids} (special ids contribute nothing and get empty spans), the space byte-level BPE puts
     * in front of the first word removed.
     */
    public Decoded decode(long[] ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int[] ends = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            int id = (int) ids[i];
            if (id >= 4 && id < vocabulary.size()) {
                bytes.writeBytes(ByteLevel.bytes(vocabulary.get(id)));
            }
            ends[i] = bytes.size();
        }
        byte[] all = bytes.toByteArray();
        String raw = new String(all, StandardCharsets.UTF_8);
        int lead = 0;
        while (lead < raw.length() && raw.charAt(lead) == ' ') {
            lead++;
        }
        String text = raw.substring(lead).stripTrailing();
        List<Span> spans = new ArrayList<>(ids.length);
        int start = 0;
        for (int end : ends) {
            int from = clamp(chars(all, start) - lead, text.length());
            int to = clamp(chars(all, end) - lead, text.length());
            spans.add(from < to ? trimLeadingSpace(text, from, to) : new Span(to, to));
            start = end;
        }
        return new Decoded(text, spans);
    }

    private static Span trimLeadingSpace(String text, int from, int to) {
        int f = from;
        while (f < to - 1 && text.charAt(f) == ' ') {
            f++;
        }
        return new Span(f, to);
    }

    private static int clamp(int x, int max) {
        return Math.max(0, Math.min(x, max));
    }

    /** UTF-16 length of the text the first {@code n} bytes decode to (a cut multi-byte character counts once). */
    private static int chars(byte[] bytes, int n) {
        return new String(bytes, 0, n, StandardCharsets.UTF_8).length();
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
