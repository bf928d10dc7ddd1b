package dev.heed.tasks.metrics;

import java.util.List;

/**
 * The longest common subsequence of two token lists as rouge-score computes it ({@code _lcs_table},
 * {@code _backtrack_norec}): its length, and one LCS as positions in the reference, read back from the end of the
 * table, on a tie moving up the reference rather than left along the candidate. Which of several LCS is read back
 * decides ROUGE-Lsum's union, so the tie rule is part of the contract. Stateless.
 */
final class LongestCommonSubsequence {

    private LongestCommonSubsequence() {
    }

    /** The LCS length of {@code ref} and {@code can}, in two rows of the table. */
    static int length(List<String> ref, List<String> can) {
        int[] previous = new int[can.size() + 1];
        int[] current = new int[can.size() + 1];
        for (int i = 1; i <= ref.size(); i++) {
            String r = ref.get(i - 1);
            for (int j = 1; j <= can.size(); j++) {
                current[j] = r.equals(can.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[can.size()];
    }

    /** rouge-score's {@code lcs_ind}: the positions in {@code ref} of one LCS with {@code can}, ascending. */
    static int[] referenceIndices(List<String> ref, List<String> can) {
        int[][] table = new int[ref.size() + 1][can.size() + 1];
        for (int i = 1; i <= ref.size(); i++) {
            for (int j = 1; j <= can.size(); j++) {
                table[i][j] = ref.get(i - 1).equals(can.get(j - 1))
                        ? table[i - 1][j - 1] + 1
                        : Math.max(table[i - 1][j], table[i][j - 1]);
            }
        }
        int[] indices = new int[table[ref.size()][can.size()]];
        int k = indices.length;
        int i = ref.size();
        int j = can.size();
        while (i > 0 && j > 0) {
            if (ref.get(i - 1).equals(can.get(j - 1))) {
                indices[--k] = i - 1;
                i--;
                j--;
            } else if (table[i][j - 1] > table[i - 1][j]) {
                j--;
            } else {
                i--;
            }
        }
        return indices;
    }
}
