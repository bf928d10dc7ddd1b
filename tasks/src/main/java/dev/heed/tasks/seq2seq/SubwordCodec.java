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
 * encodes without an unknown token) or a pretrained encoder's WordPiece {@code tokenizer.json} (BERT's: the
 * summarizer over a pretrained encoder, Rothe et al. 2020). Ids 0..3 are {@code <pad> <unk> <s> </s>}. Decoding is
 * done here, piece by piece, so every output token gets its span in the output text.
 *
 * <p>WordPiece: BERT's vocabulary has {@code [PAD] [UNK] [CLS] [SEP]} at ids 0, 100, 101, 102 and unused pieces
 * at 1..3. The codec swaps ids 1..3 with 100..102 ({@link #wordPieceId}, its own inverse), so that here too 0..3
 * are pad, unknown, start ({@code [CLS]}) and end ({@code [SEP]}), and every other part of the seq2seq machinery
 * (padding, {@code <s>} first in the decoder, {@code </s>} ending a search) holds unchanged. The word embeddings
 * of an encoder loaded from BERT weights must have the same rows swapped ({@link #swapWordPieceRows}). A source
 * reads {@code [CLS] pieces [SEP]} as BERT was trained ({@link #source}); a target {@code pieces [SEP]}, and the
 * decoder starts from {@code [CLS]}. Decoding joins {@code ##} pieces to the piece before and puts no space before
 * closing punctuation. The unknown piece {@code [UNK]} is kept in encodings (byte-level BPE never makes one).
 *
 * <p>Thread-safe. Holds the native tokenizer: close it.
 */
public final class SubwordCodec implements AutoCloseable {

    public static final int PAD = 0;
    public static final int UNK = 1;
    public static final int BOS = 2;
    public static final int EOS = 3;

    /** The kinds of vocabulary: {@code byte-bpe} (learned by Heed) and {@code wordpiece} (a pretrained BERT's). */
    public static final String BYTE_BPE = "byte-bpe";
    public static final String WORDPIECE = "wordpiece";

    /** BERT's ids of {@code [UNK] [CLS] [SEP]}, swapped with 1..3. */
    private static final int[] BERT_SPECIALS = {100, 101, 102};

    private final SubwordTokenizer tokenizer;
    private final List<String> vocabulary;
    private final boolean wordPiece;

    private SubwordCodec(SubwordTokenizer tokenizer, List<String> vocabulary, boolean wordPiece) {
        this.wordPiece = wordPiece;
        if (wordPiece) {
            this.tokenizer = tokenizer;
            this.vocabulary = vocabulary;
            if (vocabulary.size() <= 103 || !vocabulary.subList(0, 4).equals(List.of("[PAD]", "[UNK]", "[CLS]",
                    "[SEP]"))) {
                throw new IllegalArgumentException(tokenizer.source() + " is not a BERT WordPiece vocabulary with"
                        + " [PAD] [UNK] [CLS] [SEP] at ids 0, 100, 101, 102");
            }
            return;
        }
        if (vocabulary.size() < 5 || !vocabulary.subList(0, 4).equals(BpeConfig.DEFAULT_SPECIALS)) {
            throw new IllegalArgumentException(tokenizer.source() + " does not start with the special tokens "
                    + BpeConfig.DEFAULT_SPECIALS + " of Heed's sequence models");
        }
        this.tokenizer = tokenizer;
        this.vocabulary = vocabulary;
    }

    /**
     * Loads a byte-level BPE {@code tokenizer.json} written by Heed, or a BERT WordPiece {@code tokenizer.json} (told
     * apart by its model type).
     */
    public static SubwordCodec load(Path tokenizerJson) throws IOException {
        com.fasterxml.jackson.databind.JsonNode model = dev.heed.json.HeedJson.readTree(tokenizerJson).path("model");
        boolean isWordPiece = model.path("type").asText().equals("WordPiece");
        List<String> vocabulary = isWordPiece ? wordPieceVocabulary(model.path("vocab"), tokenizerJson)
                : TokenizerJsonReader.bpeVocabulary(tokenizerJson);
        SubwordTokenizer tokenizer = SubwordTokenizer.load(tokenizerJson, false);
        try {
            return new SubwordCodec(tokenizer, vocabulary, isWordPiece);
        } catch (IllegalArgumentException e) {
            tokenizer.close();
            throw new IOException(e.getMessage(), e);
        }
    }

    /** A WordPiece vocabulary by the codec's ids (BERT's with 1..3 and 100..102 swapped). */
    private static List<String> wordPieceVocabulary(com.fasterxml.jackson.databind.JsonNode vocab, Path file)
            throws IOException {
        String[] pieces = new String[vocab.size()];
        for (var it = vocab.fields(); it.hasNext(); ) {
            var e = it.next();
            int id = e.getValue().asInt(-1);
            if (id < 0 || id >= pieces.length || pieces[id] != null) {
                throw new IOException(file + ": vocabulary ids must be 0.." + (pieces.length - 1) + " without gaps");
            }
            pieces[id] = e.getKey();
        }
        List<String> out = new ArrayList<>(pieces.length);
        for (int i = 0; i < pieces.length; i++) {
            out.add(pieces[i < 104 ? wordPieceId(i) : i]);
        }
        return out;
    }

    /** The codec's id of BERT's id {@code id}, and the other way round: 1..3 and 100..102 swapped. */
    public static int wordPieceId(int id) {
        for (int k = 0; k < 3; k++) {
            if (id == k + 1) {
                return BERT_SPECIALS[k];
            }
            if (id == BERT_SPECIALS[k]) {
                return k + 1;
            }
        }
        return id;
    }

    /**
     * Swaps the rows of a BERT word-embedding table {@code (V, D)} flattened in {@code rows} as the codec swaps the
     * ids (see {@link #wordPieceId}); its own inverse.
     */
    public static float[] swapWordPieceRows(float[] rows, int dim) {
        float[] out = rows.clone();
        for (int k = 0; k < 3; k++) {
            int a = k + 1;
            int b = BERT_SPECIALS[k];
            System.arraycopy(rows, a * dim, out, b * dim, dim);
            System.arraycopy(rows, b * dim, out, a * dim, dim);
        }
        return out;
    }

    /** {@link #BYTE_BPE} or {@link #WORDPIECE}. */
    public String kind() {
        return wordPiece ? WORDPIECE : BYTE_BPE;
    }

    /** Whether a source starts with {@code <s>} ({@code [CLS]} of a pretrained BERT encoder). */
    public boolean sourceStartsWithBos() {
        return wordPiece;
    }

    /**
     * A source as the encoder reads it: the first {@code keep} of {@code pieces} ({@code keep <= 0}: all), ended by
     * {@code </s>} and, for WordPiece, started by {@code [CLS]}.
     */
    public long[] source(long[] pieces, int keep) {
        int n = keep > 0 ? Math.min(keep, pieces.length) : pieces.length;
        int lead = wordPiece ? 1 : 0;
        long[] out = new long[n + lead + 1];
        if (wordPiece) {
            out[0] = BOS;
        }
        System.arraycopy(pieces, 0, out, lead, n);
        out[out.length - 1] = EOS;
        return out;
    }

    /**
     * Whether {@code piece} starts a new word after {@code previous} (for alignments' word grouping): a byte-level
     * piece after a space and where letters or digits meet other characters; a WordPiece unless it is {@code ##}.
     */
    public boolean startsWord(String previous, String piece) {
        if (wordPiece) {
            return !piece.startsWith("##");
        }
        if (piece.startsWith("\u0120")) {
            return true;
        }
        return wordy(previous.charAt(previous.length() - 1)) != wordy(piece.charAt(0));
    }

    private static boolean wordy(char c) {
        return Character.isLetterOrDigit(c) || c > 0x7F;
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
        if (wordPiece) {
            for (int i = 0; i < all.length; i++) {
                all[i] = wordPieceId((int) all[i]);
            }
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < encoding.size(); i++) {
            if (!encoding.tokens().get(i).special() && (all[i] >= 4 || (wordPiece && all[i] == UNK))) {
                keep.add(i);
            }
        }
        if (keep.size() == encoding.size() && !wordPiece) {
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
        if (wordPiece) {
            return decodeWordPiece(ids);
        }
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

    /** Closing punctuation written without a space before it. */
    private static final String CLOSING = ".,!?;:)]}%'";
    /** Opening punctuation written without a space after it. */
    private static final String OPENING = "([{$'";

    private Decoded decodeWordPiece(long[] ids) {
        StringBuilder text = new StringBuilder();
        List<Span> spans = new ArrayList<>(ids.length);
        String previous = null;
        for (long raw : ids) {
            int id = (int) raw;
            if (id < 0 || id >= vocabulary.size() || id == PAD || id == BOS || id == EOS) {
                spans.add(new Span(text.length(), text.length()));
                continue;
            }
            String piece = vocabulary.get(id);
            boolean glued = piece.startsWith("##") && piece.length() > 2;
            String surface = glued ? piece.substring(2) : piece;
            boolean space = previous != null && !glued
                    && !(surface.length() == 1 && CLOSING.indexOf(surface.charAt(0)) >= 0)
                    && !(previous.length() == 1 && OPENING.indexOf(previous.charAt(0)) >= 0)
                    && !(surface.equals("-") || previous.equals("-") || surface.equals("/") || previous.equals("/"));
            if (space) {
                text.append(' ');
            }
            int from = text.length();
            text.append(surface);
            spans.add(new Span(from, text.length()));
            previous = surface;
        }
        return new Decoded(text.toString(), spans);
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
