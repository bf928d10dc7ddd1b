package dev.heed.tasks.translation;

import dev.heed.tasks.seq2seq.SubwordCodec;

import dev.heed.tasks.translation.VerbatimSpans.Found;
import dev.heed.text.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries a sentence's verbatim spans (URLs, e-mail addresses, dates, times, numbers; see
 * {@link VerbatimSpans}) through translation unchanged, by attention: before translation, URLs and e-mail
 * addresses are replaced by the placeholder {@value #PLACEHOLDER} (a model trained on ordinary sentences
 * derails on them) while numbers, dates and times stay as they are; after it, each target word is aligned to
 * the source subword its cross-attention weighs most (last decoder layer, mean of heads, summed over the
 * word's subwords), the first target word aligned into a span is replaced by the span as it stands in the
 * source and the others aligned into it are removed, and a span no target word aligned to is inserted after
 * the word aligned to the source just before it. This is the alignment-based replacement of Luong et al.
 * 2015 (<a href="https://aclanthology.org/P15-1002/">P15-1002</a>) for spans instead of unknown words.
 * Stateless.
 */
final class SpanPassThrough {

    /** What URLs and e-mail addresses are replaced by before translation. */
    static final String PLACEHOLDER = "X";

    private SpanPassThrough() {
    }

    /**
     * A sentence as the model reads it: {@code text} with the placeholders in, the spans ({@code found}, in
     * the original's offsets) and where each stands in {@code text}.
     */
    record Protected(String original, String text, List<Found> found, List<Span> inText) {

        /** Whether there is anything to carry through. */
        boolean any() {
            return !found.isEmpty();
        }

        /** A span of {@link #text} as a span of {@link #original}: a placeholder's part maps to its whole span. */
        Span toOriginal(Span s) {
            int shift = 0;
            for (int i = 0; i < inText.size(); i++) {
                Span in = inText.get(i);
                Span orig = found.get(i).span();
                if (s.start() < in.end() && s.end() > in.start()) {
                    return new Span(Math.min(orig.start(), s.start() - shift), Math.max(orig.end(),
                            s.end() - shift - in.length() + orig.length()));
                }
                if (s.start() >= in.end()) {
                    shift = in.end() - orig.end();
                }
            }
            return new Span(s.start() - shift, s.end() - shift);
        }
    }

    /**
     * {@code sentence} as the model reads it: {@code normalized} (the sentence case-normalized, same length)
     * with the spans found in {@code sentence} put back as they stand, URLs and e-mail addresses replaced by the
     * placeholder.
     */
    static Protected protect(String sentence, String normalized) {
        if (normalized.length() != sentence.length()) {
            throw new IllegalArgumentException("the normalized sentence must keep the sentence's length");
        }
        List<Found> found = VerbatimSpans.find(sentence);
        StringBuilder text = new StringBuilder();
        List<Span> inText = new ArrayList<>();
        int at = 0;
        for (Found f : found) {
            text.append(normalized, at, f.span().start());
            int start = text.length();
            text.append(f.kind().numeric() ? f.span().of(sentence) : PLACEHOLDER);
            inText.add(new Span(start, text.length()));
            at = f.span().end();
        }
        text.append(normalized.substring(at));
        return new Protected(sentence, text.toString(), found, inText);
    }

    /**
     * The translation with every span of {@code p} in it as it stands in the source.
     *
     * @param decoded the translation and the span of each target subword in it
     * @param source the spans of the source subwords in {@code p.text()} (without {@code </s>})
     * @param attention per target subword, the cross-attention {@code (L, H, S + 1)} of the step that made it
     * @param layers decoder layers {@code L}
     * @param heads heads per layer {@code H}
     */
    static SubwordCodec.Decoded restore(Protected p, SubwordCodec.Decoded decoded, List<Span> source,
            List<float[]> attention, int layers, int heads) {
        String text = decoded.text();
        List<Span> words = words(text);
        int[] wordOf = new int[decoded.spans().size()];
        int sourceLength = source.size() + 1;
        double[][] wordAttention = new double[words.size()][sourceLength];
        for (int t = 0; t < wordOf.length; t++) {
            wordOf[t] = wordAt(words, decoded.spans().get(t));
            if (wordOf[t] < 0 || t >= attention.size()) {
                continue;
            }
            float[] row = attention.get(t);
            int last = (layers - 1) * heads * sourceLength;
            for (int h = 0; h < heads; h++) {
                for (int s = 0; s < source.size(); s++) {
                    wordAttention[wordOf[t]][s] += row[last + h * sourceLength + s];
                }
            }
        }
        int[] alignedTo = new int[words.size()];                  // source subword each target word weighs most
        for (int w = 0; w < words.size(); w++) {
            int best = -1;
            for (int s = 0; s < source.size(); s++) {
                if (best < 0 || wordAttention[w][s] > wordAttention[w][best]) {
                    best = s;
                }
            }
            alignedTo[w] = best;
        }
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < p.found().size(); i++) {
            Span inText = p.inText().get(i);
            String verbatim = p.found().get(i).span().of(p.original());
            boolean placed = false;
            int before = -1;                                     // target word aligned to the source just before
            for (int w = 0; w < words.size(); w++) {
                int s = alignedTo[w];
                if (s < 0) {
                    continue;
                }
                Span src = source.get(s);
                if (src.start() < inText.end() && src.end() > inText.start()) {
                    Span word = core(text, words.get(w));
                    edits.add(new Edit(word.start(), word.end(), placed ? "" : verbatim));
                    placed = true;
                } else if (src.end() <= inText.start()) {
                    before = Math.max(before, w);
                }
            }
            if (!placed) {
                int at = before >= 0 ? core(text, words.get(before)).end() : 0;
                edits.add(new Edit(at, at, before >= 0 ? " " + verbatim : verbatim + " "));
            }
        }
        return apply(decoded, edits);
    }

    private record Edit(int start, int end, String replacement) {
    }

    private static SubwordCodec.Decoded apply(SubwordCodec.Decoded decoded, List<Edit> edits) {
        String text = decoded.text();
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(a.end(), b.end()));
        StringBuilder out = new StringBuilder();
        int[] map = new int[text.length() + 1];                 // old boundary -> new boundary
        int at = 0;
        List<int[]> regions = new ArrayList<>();                // old start, old end, new start, new end
        for (Edit e : sorted) {
            if (e.start() < at) {
                continue;                                        // overlaps an earlier edit: keep the earlier
            }
            for (int i = at; i < e.start(); i++) {
                map[i] = out.length();
                out.append(text.charAt(i));
            }
            int newStart = out.length();
            String replacement = e.replacement();
            if (replacement.isEmpty() && e.end() < text.length() && text.charAt(e.end()) == ' ') {
                e = new Edit(e.start(), e.end() + 1, "");           // a removed word takes its space with it
            } else if (replacement.isEmpty() && out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
                newStart = out.length();
            }
            out.append(replacement);
            for (int i = e.start(); i < e.end(); i++) {
                map[i] = newStart;
            }
            regions.add(new int[] {e.start(), e.end(), newStart, out.length()});
            at = e.end();
        }
        for (int i = at; i < text.length(); i++) {
            map[i] = out.length();
            out.append(text.charAt(i));
        }
        map[text.length()] = out.length();
        List<Span> spans = new ArrayList<>(decoded.spans().size());
        for (Span s : decoded.spans()) {
            int[] inside = null;
            for (int[] r : regions) {
                if (r[1] > r[0] && s.start() >= r[0] && s.end() <= r[1] && s.end() > s.start()) {
                    inside = r;
                }
            }
            spans.add(inside != null ? new Span(inside[2], inside[3]) : new Span(map[s.start()],
                    Math.max(map[s.start()], s.end() == s.start() ? map[s.start()] : map[s.end() - 1] + 1)));
        }
        return new SubwordCodec.Decoded(out.toString(), spans);
    }

    /** The whitespace-separated words of {@code text}. */
    private static List<Span> words(String text) {
        List<Span> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || Character.isWhitespace(text.charAt(i));
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                words.add(new Span(start, i));
                start = -1;
            }
        }
        return words;
    }

    private static int wordAt(List<Span> words, Span piece) {
        for (int w = 0; w < words.size(); w++) {
            Span word = words.get(w);
            if (piece.end() > piece.start() && piece.start() < word.end() && piece.end() > word.start()) {
                return w;
            }
        }
        return -1;
    }

    /** The word without the punctuation around it ({@code "Ziellinie."} -> {@code Ziellinie}). */
    private static Span core(String text, Span word) {
        int start = word.start();
        int end = word.end();
        while (end > start + 1 && ".,;:!?)]}\"'".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        while (start < end - 1 && "([{\"'„“".indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        return new Span(start, end);
    }
}
