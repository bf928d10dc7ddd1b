package dev.heed.tasks.batching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBudgetTest {

    private static int[][] pieces(int[] lengths, int budget) {
        return TokenBudget.pieces(lengths, budget).toArray(int[][]::new);
    }

    @Test
    void piecesStayWithinTheBudgetCountingPadding() {
        // rows x longest row: 3 x 4 = 12 fits 12; a fourth row of 5 would make 4 x 5 = 20
        assertArrayEquals(new int[][] {{0, 3}, {3, 5}}, pieces(new int[] {2, 4, 3, 5, 1}, 12));
        assertArrayEquals(new int[][] {{0, 5}}, pieces(new int[] {2, 4, 3, 5, 1}, 25));
    }

    @Test
    void aRowLongerThanTheBudgetIsAPieceOfItsOwn() {
        assertArrayEquals(new int[][] {{0, 1}, {1, 2}, {2, 4}}, pieces(new int[] {2, 50, 3, 3}, 10));
    }

    @Test
    void noRowsNoPiecesAndTheBudgetMustBePositive() {
        assertEquals(List.of(), TokenBudget.pieces(new int[0], 10));
        assertThrows(IllegalArgumentException.class, () -> TokenBudget.pieces(new int[] {1}, 0));
    }
}
