package dev.heed.tasks.batching;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a batch into consecutive pieces of at most a number of padded tokens, so that a large batch runs as the
 * pieces that fit the CPU's caches and the allocator's reused memory instead of one set of tensors too large for
 * both. Measured (bench/README.md, "Batch size and native memory"): one padded batch of 128 SST-2 sentences took
 * longer per sentence through all-MiniLM-L6-v2 than batches of 32; the activations of a forward pass grow with
 * {@code rows x padded length}, and past a few thousand tokens elementwise operations run from main memory and
 * every new peak faults in fresh pages. A piece is never empty: a single row longer than the budget is a piece of
 * its own. Stateless and thread-safe.
 */
public final class TokenBudget {

    /** Padded tokens per forward pass that Heed's models use by default (rows x longest row). */
    public static final int DEFAULT_TOKENS = 1024;

    private TokenBudget() {
    }

    /**
     * The pieces of a batch with these row {@code lengths}, in order, as {@code [from, to)} index pairs: each
     * piece as long as {@code rows x its longest row <= budget} allows, and at least one row.
     *
     * @throws IllegalArgumentException when {@code budget < 1}
     */
    public static List<int[]> pieces(int[] lengths, int budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("a token budget must be at least 1, got " + budget);
        }
        List<int[]> pieces = new ArrayList<>();
        int from = 0;
        while (from < lengths.length) {
            int to = from + 1;
            int longest = Math.max(1, lengths[from]);
            while (to < lengths.length) {
                int next = Math.max(longest, lengths[to]);
                if ((long) next * (to - from + 1) > budget) {
                    break;
                }
                longest = next;
                to++;
            }
            pieces.add(new int[] {from, to});
            from = to;
        }
        return pieces;
    }
}
