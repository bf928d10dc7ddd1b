package dev.heed.tasks.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Corpus BLEU (Papineni et al. 2002) exactly as sacreBLEU 2 computes it, with one or more reference streams:
 * each segment optionally lower-cased, right-stripped, {@link Tokenizer13a 13a}-tokenized; clipped n-gram
 * matches up to 4 summed over the corpus; brevity penalty over the summed lengths; zero-match orders smoothed
 * with mteval's exponential method ({@code smooth:exp}); the geometric mean over all four orders.
 * {@code SacreBleuParityTest} and {@code SacreBleuFixturesTest} freeze sacreBLEU 2.6.0's own figures, edge
 * cases (empty lines, short references) included. Stateless, thread-safe.
 */
public final class Bleu {

    /** sacreBLEU's version whose numbers these are, for the signature. */
    public static final String SACREBLEU_VERSION = "2.6.0";
    private static final int ORDER = 4;

    private final boolean lowercase;

    private Bleu(boolean lowercase) {
        this.lowercase = lowercase;
    }

    /** sacreBLEU's default: cased, 13a, exponential smoothing. */
    public static Bleu sacre() {
        return new Bleu(false);
    }

    /** As {@link #sacre()} on lower-cased text ({@code sacrebleu -lc}). */
    public static Bleu lowercased() {
        return new Bleu(true);
    }

    /** The score of {@code hypotheses} against one reference each ({@code corpus_score(hypotheses, [references])}). */
    public BleuScore score(List<String> hypotheses, List<String> references) {
        return corpusScore(hypotheses, List.of(references));
    }

    /**
     * The score of {@code hypotheses} against one or more reference streams, sacreBLEU's
     * {@code corpus_score(hypotheses, references)}: each stream holds a reference for every hypothesis, line by
     * line; a hypothesis n-gram is clipped by its largest count in any of its references, and the reference
     * length of a segment is the one closest to the hypothesis length (the shorter on a tie). Empty lines are
     * segments like any other: an empty hypothesis adds nothing but its reference length, an empty reference
     * matches nothing.
     *
     * @throws IllegalArgumentException when there is no stream or a stream does not pair up with the hypotheses
     */
    public BleuScore corpusScore(List<String> hypotheses, List<List<String>> references) {
        ReferenceStreams.check(hypotheses, references);
        long[] correct = new long[ORDER];
        long[] total = new long[ORDER];
        long sysLength = 0;
        long refLength = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            List<String> hyp = PythonText.split(prepare(hypotheses.get(i)));
            List<Map<List<String>, Integer>> refCounts = new ArrayList<>();
            for (int n = 1; n <= ORDER; n++) {
                refCounts.add(new HashMap<>());
            }
            List<Integer> refLengths = new ArrayList<>();
            for (String reference : ReferenceStreams.segment(references, i)) {
                List<String> ref = PythonText.split(prepare(reference));
                refLengths.add(ref.size());
                for (int n = 1; n <= ORDER; n++) {
                    Map<List<String>, Integer> clip = refCounts.get(n - 1);
                    ngrams(ref, n).forEach((ngram, count) -> clip.merge(ngram, count, Math::max));
                }
            }
            sysLength += hyp.size();
            refLength += closest(hyp.size(), refLengths);
            for (int n = 1; n <= ORDER; n++) {
                Map<List<String>, Integer> clip = refCounts.get(n - 1);
                for (Map.Entry<List<String>, Integer> e : ngrams(hyp, n).entrySet()) {
                    total[n - 1] += e.getValue();
                    correct[n - 1] += Math.min(e.getValue(), clip.getOrDefault(e.getKey(), 0));
                }
            }
        }
        return compute(correct, total, sysLength, refLength, references.size());
    }

    /** sacreBLEU's {@code _get_closest_ref_len}: the reference length nearest {@code hypLength}, shorter on a tie. */
    private static int closest(int hypLength, List<Integer> refLengths) {
        int best = -1;
        int bestDiff = -1;
        for (int length : refLengths) {
            int diff = Math.abs(hypLength - length);
            if (bestDiff == -1 || diff < bestDiff || (diff == bestDiff && length < best)) {
                bestDiff = diff;
                best = length;
            }
        }
        return best;
    }

    private String prepare(String segment) {
        String s = lowercase ? segment.toLowerCase(Locale.ROOT) : segment;
        return Tokenizer13a.tokenize(PythonText.rstrip(s));
    }

    private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(tokens.subList(i, i + n), 1, Integer::sum);
        }
        return counts;
    }

    private BleuScore compute(long[] correct, long[] total, long sysLength, long refLength, int nrefs) {
        double bp = 1.0;
        if (sysLength < refLength) {
            bp = sysLength > 0 ? Math.exp(1 - refLength / (double) sysLength) : 0.0;
        }
        double[] precisions = new double[ORDER];
        boolean anyCorrect = false;
        for (long c : correct) {
            anyCorrect |= c > 0;
        }
        if (!anyCorrect) {
            return new BleuScore(0.0, precisions, bp, sysLength, refLength, signature(nrefs));
        }
        double smooth = 1.0;
        for (int n = 1; n <= ORDER; n++) {
            if (total[n - 1] == 0) {
                break;
            }
            if (correct[n - 1] == 0) {
                smooth *= 2;
                precisions[n - 1] = 100.0 / (smooth * total[n - 1]);
            } else {
                precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1];
            }
        }
        double logSum = 0;
        for (double p : precisions) {
            logSum += p == 0.0 ? -9999999999.0 : Math.log(p);
        }
        return new BleuScore(bp * Math.exp(logSum / ORDER), precisions, bp, sysLength, refLength, signature(nrefs));
    }

    /** sacreBLEU's signature of this configuration with one reference. */
    public String signature() {
        return signature(1);
    }

    /** sacreBLEU's signature of this configuration with {@code references} reference streams. */
    public String signature(int references) {
        return "nrefs:" + references + "|case:" + (lowercase ? "lc" : "mixed") + "|eff:no|tok:13a|smooth:exp|version:"
                + SACREBLEU_VERSION;
    }
}
