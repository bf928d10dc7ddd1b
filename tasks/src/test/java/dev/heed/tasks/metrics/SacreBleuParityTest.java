package dev.heed.tasks.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * BLEU, chrF and the 13a tokenizer against figures frozen from sacreBLEU 2.6.0 itself
 * ({@code BLEU().corpus_score(h, [r])}, {@code BLEU(lowercase=True)}, {@code CHRF()}, {@code Tokenizer13a()}),
 * computed outside the project on the same strings.
 */
class SacreBleuParityTest {

    private static final List<String> MIXED_HYP = List.of("A man is riding a bicycle.",
            "Zwei Männer spielen Fußball im Park.", "The price is 3.5 dollars, or 1,000 yen for a 10-year-old.", "",
            "She said: \"it's fine\" & left (quickly)!", "a\u00a0dog  runs\tfast");
    private static final List<String> MIXED_REF = List.of("A man rides a bicycle.",
            "Zwei Männer spielen im Park Fußball.", "The price is 3.5 dollars or 1,000 yen for a 10-year-old child.",
            "Nothing here.", "She said: \"it is fine\" &amp; left quickly!", "a dog runs fast");

    @Test
    void corpusBleuEqualsSacreBleus() {
        BleuScore s = Bleu.sacre().score(MIXED_HYP, MIXED_REF);
        assertEquals(52.67783407687792, s.score(), 1e-9);
        assertArrayEquals(new double[] {86.95652173913044, 63.41463414634146, 47.22222222222222, 32.25806451612903},
                s.precisions(), 1e-9);
        assertEquals(0.9784954614449577, s.brevityPenalty(), 1e-12);
        assertEquals(46, s.hypothesisLength());
        assertEquals(47, s.referenceLength());
        assertEquals(52.67783407687792, Bleu.lowercased().score(MIXED_HYP, MIXED_REF).score(), 1e-9);
    }

    @Test
    void missingHigherOrdersScoreZeroAndZeroMatchesAreSmoothedExponentially() {
        BleuScore shortOne = Bleu.sacre().score(List.of("the cat"), List.of("the cat sat on the mat"));
        assertEquals(0.0, shortOne.score(), 1e-12);
        assertEquals(0.1353352832366127, shortOne.brevityPenalty(), 1e-12);
        BleuScore smoothed = Bleu.sacre().score(List.of("a b c d", "x y"), List.of("a b c e", "x z"));
        assertEquals(53.7284965911771, smoothed.score(), 1e-9);
        assertArrayEquals(new double[] {66.66666666666667, 50.0, 50.0, 50.0}, smoothed.precisions(), 1e-9);
    }

    @Test
    void lowercasingIsAnOption() {
        List<String> hyp = List.of("Two Dogs play in THE snow .");
        List<String> ref = List.of("two dogs play in the snow .");
        assertEquals(18.575057999133602, Bleu.sacre().score(hyp, ref).score(), 1e-9);
        assertEquals(100.00000000000004, Bleu.lowercased().score(hyp, ref).score(), 1e-9);
    }

    @Test
    void chrfEqualsSacreBleus() {
        Chrf chrf = new Chrf();
        assertEquals(70.86236629406726, chrf.score(MIXED_HYP, MIXED_REF), 1e-9);
        assertEquals(27.25331540542631, chrf.score(List.of("the cat"), List.of("the cat sat on the mat")), 1e-9);
        assertEquals(41.666666666666664, chrf.score(List.of("a b c d", "x y"), List.of("a b c e", "x z")), 1e-9);
        assertEquals(49.76010287155797, chrf.score(List.of("Two Dogs play in THE snow ."),
                List.of("two dogs play in the snow .")), 1e-9);
    }

    @Test
    void tokenizer13aSplitsAsMteval() {
        assertEquals("The price is 3.5 dollars , or 1,000 yen for a 10 - year-old .",
                Tokenizer13a.tokenize("The price is 3.5 dollars, or 1,000 yen for a 10-year-old."));
        assertEquals("She said : \" it's fine \" & left ( quickly ) !",
                Tokenizer13a.tokenize("She said: \"it's fine\" &amp; left (quickly)!"));
        assertEquals("e . g . U . S . A . $ 5 { x } [ y ] ` z ` ~ w", Tokenizer13a.tokenize("e.g. U.S.A. $5 {x} [y] `z` ~w"));
    }

    @Test
    void signaturesAreSacreBleus() {
        assertEquals("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0", Bleu.sacre().signature());
        assertEquals("nrefs:1|case:lc|eff:no|tok:13a|smooth:exp|version:2.6.0", Bleu.lowercased().signature());
        assertEquals("nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0", new Chrf().signature());
    }

    @Test
    void unpairedInputIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Bleu.sacre().score(List.of("a"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Chrf().score(List.of(), List.of("a")));
    }
}
