package dev.heed.text;

import java.util.List;

/**
 * Maps tokens of one tokenization onto the tokens of another by their spans: subwords to CoreNLP words.
 * Stateless and thread-safe.
 */
public final class SpanAlignment {

    private SpanAlignment() {
    }

    /**
     * For each of {@code pieces}, the index in {@code words} of the word its span overlaps most, or -1 for
     * special tokens and pieces that overlap no word (whitespace-only pieces). A piece with an empty span
     * (a byte-level BPE's added prefix space) belongs to the word that starts where it stands.
     *
     * @param pieces tokens in text order (e.g. subwords)
     * @param words tokens in text order that do not overlap each other (e.g. CoreNLP words)
     */
    public static int[] wordIndexes(List<Token> pieces, List<Token> words) {
        int[] result = new int[pieces.size()];
        int w = 0;
        for (int p = 0; p < pieces.size(); p++) {
            Token piece = pieces.get(p);
            result[p] = -1;
            if (piece.special()) {
                continue;
            }
            while (w < words.size() && words.get(w).end() <= piece.start()) {
                w++;
            }
            if (piece.span().isEmpty()) {
                result[p] = w < words.size() && words.get(w).start() == piece.start() ? w : -1;
                continue;
            }
            int best = -1;
            int bestOverlap = 0;
            for (int k = w; k < words.size() && words.get(k).start() < piece.end(); k++) {
                Span span = words.get(k).span();
                int overlap = Math.min(span.end(), piece.end()) - Math.max(span.start(), piece.start());
                if (overlap > bestOverlap) {
                    best = k;
                    bestOverlap = overlap;
                }
            }
            result[p] = best;
        }
        return result;
    }
}
