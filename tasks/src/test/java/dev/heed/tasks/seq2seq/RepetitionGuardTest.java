package dev.heed.tasks.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RepetitionGuardTest {

    @Test
    void aFourthCopyOfOneSubwordInARowIsBanned() {
        assertEquals(Set.of(), RepetitionGuard.banned(new long[] {9, 7, 7}, 3));
        assertEquals(Set.of(7), RepetitionGuard.banned(new long[] {9, 7, 7, 7}, 3));
        assertEquals(Set.of(7), RepetitionGuard.banned(new long[] {7, 7, 7}, 3));
        assertEquals(Set.of(7), RepetitionGuard.banned(new long[] {7, 7}, 2));
    }

    @Test
    void aBlockOfSeveralSubwordsMayStandThreeTimesButNotFour() {
        // a b a b a b a: the next b would make "a b" stand four times
        assertEquals(Set.of(2), RepetitionGuard.banned(new long[] {1, 2, 1, 2, 1, 2, 1}, 3));
        assertEquals(Set.of(), RepetitionGuard.banned(new long[] {1, 2, 1, 2, 1}, 3));
        // a b c a b c a b c a b: c would be the fourth "a b c"
        assertEquals(Set.of(3), RepetitionGuard.banned(new long[] {1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2}, 3));
        // blocks of five are not counted
        assertEquals(Set.of(), RepetitionGuard.banned(new long[] {1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5,
            1, 2, 3, 4}, 3));
    }

    @Test
    void ordinaryTextAndTheGuardSwitchedOffBanNothing() {
        assertEquals(Set.of(), RepetitionGuard.banned(new long[] {4, 8, 15, 16, 23, 42}, 3));
        assertEquals(Set.of(), RepetitionGuard.banned(new long[0], 3));
        assertEquals(Set.of(), RepetitionGuard.banned(new long[] {7, 7, 7, 7, 7}, 0));
    }

    @Test
    void runsOfTwoSizesAtOnceBanOneSubwordEach() {
        // 5 5 5 5 5 5: a fourth "5 5" and a fourth "5" are both completed by 5
        assertEquals(Set.of(5), RepetitionGuard.banned(new long[] {5, 5, 5, 5, 5, 5, 5}, 3));
    }
}
