package dev.heed.tasks.seq2seq;


import dev.heed.alignment.Alignment;
import dev.heed.alignment.AlignmentKind;
import dev.heed.alignment.AlignmentToken;
import dev.heed.text.Span;
import dev.heed.text.SubwordEncoding;
import dev.heed.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the cross-attention {@link Alignment} of an encoder-decoder's output (a translation, a summary) from the
 * hypotheses of its parts (the sentences of a translated text; one part for a summary): source
 * subwords (and {@code </s>}) against target subwords (and {@code </s>} when the hypothesis ended), every
 * decoder layer and head, sentences laid out block-diagonally. When the decoder copies (every part's hypothesis
 * has {@link Hypothesis#copyShares() copy shares}, one per target token with {@code </s>}), the alignment carries
 * them too ({@link Alignment#copyShares()}), clamped to {@code [0, 1]}. Stateless.
 */
public final class CrossAttentionAlignments {

    private CrossAttentionAlignments() {
    }

    /** One translated sentence: where it sits in the source and target texts, its pieces and its hypothesis. */
    public record Part(int sourceOffset, SubwordEncoding source, int targetOffset, SubwordCodec.Decoded target,
            Hypothesis hypothesis) {
    }

    public static Alignment of(String model, String sourceText, String targetText, List<Part> parts, int layers, int heads,
            SubwordCodec targetVocabulary) {
        List<AlignmentToken> sourceTokens = new ArrayList<>();
        List<AlignmentToken> targetTokens = new ArrayList<>();
        int[] sourceStart = new int[parts.size()];
        int[] targetStart = new int[parts.size()];
        int sourceWords = 0;
        int targetWords = 0;
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            sourceStart[p] = sourceTokens.size();
            targetStart[p] = targetTokens.size();
            int maxWord = -1;
            int[] wordIds = part.source().wordIds();
            for (int i = 0; i < part.source().size(); i++) {
                Token t = part.source().tokens().get(i);
                if (t.special()) {                            // [CLS] before a pretrained encoder's source
                    sourceTokens.add(AlignmentToken.special(t.normalized(), part.sourceOffset() + t.start()));
                    continue;
                }
                int word = sourceWords + Math.max(0, wordIds[i]);
                maxWord = Math.max(maxWord, word);
                int from = part.sourceOffset() + t.start();
                int to = part.sourceOffset() + t.end();
                sourceTokens.add(new AlignmentToken(label(sourceText, from, to, t.normalized()), from, to, word, false));
            }
            sourceWords = maxWord + 1;
            int end = part.sourceOffset() + (part.source().size() == 0 ? 0
                    : part.source().tokens().get(part.source().size() - 1).end());
            sourceTokens.add(AlignmentToken.special("</s>", end));
            long[] ids = part.hypothesis().tokens();
            int word = targetWords - 1;
            String previous = null;
            for (int i = 0; i < ids.length; i++) {
                String piece = targetVocabulary.piece((int) ids[i]);
                Span span = part.target().spans().get(i);
                if (previous == null || targetVocabulary.startsWord(previous, piece)) {
                    word++;
                }
                previous = piece;
                int from = part.targetOffset() + span.start();
                int to = part.targetOffset() + span.end();
                targetTokens.add(new AlignmentToken(label(targetText, from, to, piece), from, to, word, false));
            }
            targetWords = word + 1;
            if (part.hypothesis().ended()) {
                targetTokens.add(AlignmentToken.special("</s>", part.targetOffset() + part.target().text().length()));
            }
        }
        int s = sourceTokens.size();
        int t = targetTokens.size();
        float[] weights = new float[layers * heads * t * s];
        for (int p = 0; p < parts.size(); p++) {
            List<float[]> rows = parts.get(p).hypothesis().attention();
            int partSource = parts.get(p).source().size() + 1;
            for (int step = 0; step < rows.size(); step++) {
                float[] row = rows.get(step);                                              // (L, H, S_part)
                for (int lh = 0; lh < layers * heads; lh++) {
                    int base = (lh * t + targetStart[p] + step) * s + sourceStart[p];
                    System.arraycopy(row, lh * partSource, weights, base, partSource);
                }
            }
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.min(1f, Math.max(0f, weights[i]));
        }
        return new Alignment(model, AlignmentKind.CROSS_ATTENTION, sourceText, targetText, sourceTokens, targetTokens,
                layers, heads, weights, copyShares(parts, t));
    }

    /**
     * The parts' copy shares in target order, {@code targets} of them; empty unless every part's decoder copied.
     *
     * @throws IllegalStateException when a hypothesis has copy shares but not one per target token
     */
    private static Optional<float[]> copyShares(List<Part> parts, int targets) {
        if (parts.isEmpty() || parts.stream().anyMatch(p -> p.hypothesis().copyShares().length == 0)) {
            return Optional.empty();
        }
        float[] shares = new float[targets];
        int at = 0;
        for (Part part : parts) {
            float[] own = part.hypothesis().copyShares();
            if (own.length != part.hypothesis().steps()) {
                throw new IllegalStateException(own.length + " copy shares for a hypothesis of "
                        + part.hypothesis().steps() + " target tokens");
            }
            for (float share : own) {
                shares[at++] = Math.min(1f, Math.max(0f, share));
            }
        }
        return Optional.of(shares);
    }

    /**
     * What a token shows: the text it covers, so a byte-level piece reads {@code hörern}, not {@code Ġh\u00c3\u00b6rern};
     * the piece itself when it covers no character of its own (part of a character split across pieces).
     */
    private static String label(String text, int start, int end, String piece) {
        return end > start ? text.substring(start, end) : piece;
    }
}
