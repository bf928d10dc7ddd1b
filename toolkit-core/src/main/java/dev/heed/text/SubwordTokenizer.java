package dev.heed.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Subwords through DJL's binding of HuggingFace {@code tokenizers}, loaded from a {@code tokenizer.json}.
 *
 * <p>Spans are turned into UTF-16 offsets of the original text (the library counts Unicode code points),
 * so subwords line up with CoreNLP words through {@link SpanAlignment}. Nothing is truncated: an input
 * longer than the model allows is the caller's to split, per the long-input policy.
 *
 * <p>Thread-safe (the native tokenizer is immutable once loaded). Holds native memory: the creator closes
 * it; {@link #close()} is idempotent.
 */
public final class SubwordTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final Path source;

    private SubwordTokenizer(HuggingFaceTokenizer tokenizer, Path source) {
        this.tokenizer = tokenizer;
        this.source = source;
    }

    /**
     * Loads {@code tokenizer.json}, or the {@code tokenizer.json} inside a directory.
     *
     * @param addSpecialTokens whether encodings get the post-processor's special tokens ({@code [CLS]}, ...)
     * @throws IOException when the file is missing or is not a tokenizer the library understands
     */
    public static SubwordTokenizer load(Path file, boolean addSpecialTokens) throws IOException {
        Path json = Files.isDirectory(file) ? file.resolve("tokenizer.json") : file;
        if (!Files.isRegularFile(json)) {
            java.util.List<String> others = Files.isDirectory(file) ? tokenizerFilesIn(file) : java.util.List.of();
            throw new java.nio.file.NoSuchFileException(json.toString(), null, others.isEmpty()
                    ? "no tokenizer.json there; pass a HuggingFace tokenizer.json or the directory holding one"
                    : "no tokenizer.json there, but " + String.join(" and ", others) + " (a model with a vocabulary"
                            + " per side): pass one of those files, e.g. " + file.resolve(others.get(0)));
        }
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(json)
                    .optAddSpecialTokens(addSpecialTokens)
                    .optTruncation(false)
                    .optPadding(false)
                    .build();
            return new SubwordTokenizer(tokenizer, json);
        } catch (RuntimeException e) {
            throw new IOException("cannot load tokenizer " + json + ": " + e.getMessage(), e);
        }
    }

    /** The subwords of {@code text}, with spans into {@code text}. */
    public SubwordEncoding encode(String text) {
        Encoding encoding = tokenizer.encode(text);
        long[] ids = encoding.getIds();
        String[] pieces = encoding.getTokens();
        long[] words = encoding.getWordIds();
        long[] special = encoding.getSpecialTokenMask();
        CharSpan[] spans = encoding.getCharTokenSpans();
        CodePointIndex index = new CodePointIndex(text);
        List<Token> tokens = new ArrayList<>(ids.length);
        int[] wordIds = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boolean isSpecial = special[i] != 0 || spans[i] == null;
            if (isSpecial) {
                tokens.add(Token.special(pieces[i]));
                wordIds[i] = -1;
            } else {
                Span span = new Span(index.utf16(spans[i].getStart()), index.utf16(spans[i].getEnd()));
                tokens.add(new Token(span.of(text), pieces[i], span, false));
                wordIds[i] = (int) words[i];
            }
        }
        return new SubwordEncoding(ids, tokens, wordIds);
    }

    /** The text of {@code ids}, special tokens left out when {@code skipSpecial} is set. */
    public String decode(long[] ids, boolean skipSpecial) {
        return tokenizer.decode(ids, skipSpecial);
    }

    /** The file this tokenizer was loaded from. */
    public Path source() {
        return source;
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    /** Maps code-point offsets to UTF-16 offsets, in O(1) for texts without supplementary characters. */
    private static final class CodePointIndex {
        private final int[] utf16;

        CodePointIndex(String text) {
            int codePoints = text.codePointCount(0, text.length());
            if (codePoints == text.length()) {
                utf16 = null;
            } else {
                utf16 = new int[codePoints + 1];
                int u = 0;
                for (int cp = 0; cp < codePoints; cp++) {
                    utf16[cp] = u;
                    u += Character.charCount(text.codePointAt(u));
                }
                utf16[codePoints] = u;
            }
        }

        int utf16(int codePointOffset) {
            return utf16 == null ? codePointOffset : utf16[codePointOffset];
        }
    }

    private static java.util.List<String> tokenizerFilesIn(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("tokenizer.json")).sorted()
                    .toList();
        }
    }
}
