package dev.heed.tasks.seq2seq;

import java.util.HashSet;
import java.util.Set;

/**
 * The guard against degenerate output at the subword level: a block of 1 to {@link #LONGEST_BLOCK} subwords
 * may stand at most {@code maxRepeat} times back to back in a hypothesis. Byte-level BPE can spell anything
 * one letter at a time, and a model that meets text unlike its training data (shouted capitals, say) can fall
 * into a loop of single letters ({@code "Ein MANAAAINIIINEEEEEEE..."}) that {@code noRepeatNgram}, which
 * bans whole repeated n-grams, does not stop: it bans nothing until an n-gram recurs, and a run of one subword
 * is cut only at n = 1, which would also ban every legitimate repeat. Stateless.
 */
public final class RepetitionGuard {

    /** The longest block, in subwords, whose back-to-back repeats are counted. */
    public static final int LONGEST_BLOCK = 4;

    private RepetitionGuard() {
    }

    /**
     * The subwords that, appended to {@code tokens}, would make some block of 1 to {@link #LONGEST_BLOCK}
     * subwords stand {@code maxRepeat + 1} times in a row at the end; empty when {@code maxRepeat == 0}. At most
     * one subword per block size, so the search always has other choices.
     */
    public static Set<Integer> banned(long[] tokens, int maxRepeat) {
        if (maxRepeat <= 0) {
            return Set.of();
        }
        Set<Integer> banned = new HashSet<>();
        int n = tokens.length;
        for (int size = 1; size <= LONGEST_BLOCK; size++) {
            int span = size * (maxRepeat + 1);                // the run the next subword would complete
            if (n + 1 < span) {
                continue;
            }
            boolean periodic = true;
            for (int i = n + 1 - span; i + size < n && periodic; i++) {
                periodic = tokens[i] == tokens[i + size];
            }
            if (periodic) {
                banned.add((int) tokens[n - size]);
            }
        }
        return banned;
    }
}
