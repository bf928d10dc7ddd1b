package dev.heed.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class WordAlignmentTest {

    @Test
    void sourcePiecesAreSummedTargetPiecesAveragedAndSpecialsDropped() {
        WordAlignment words = WordAlignment.of(AlignmentFixtures.cross(), 1, -1);
        assertEquals(List.of("Ein", "Haus", "."), words.sourceWords());
        assertEquals(List.of("A", "house", "."), words.targetWords());
        assertEquals(0.9f, words.weights()[1][1], 1e-6f, "Ha + us");
        assertEquals(0.8f, words.weights()[0][0], 1e-6f);
    }

    @Test
    void targetPiecesOfOneWordAreAveraged() {
        Alignment self = AlignmentFixtures.selfAttention(1, 1, 2, 3);
        // Tokens [CLS] w0 w1 [SEP]: words 0 and 1 have a piece each, so word weights are the token weights.
        WordAlignment words = WordAlignment.of(self, 0, 0);
        assertEquals(self.weight(0, 0, 1, 2), words.weights()[0][1], 1e-6f);
    }

    @Test
    void pharaohLinksEachTargetWordToItsStrongestSourceWordOrEveryOneOverTheThreshold() throws Exception {
        assertEquals("0-0 1-1 2-2", line(new PharaohExporter()));
        assertEquals("0-0 1-1 2-2", line(new PharaohExporter(OptionalDouble.of(0.5))));
        assertEquals("0-0 1-0 1-1 1-2 2-2", line(new PharaohExporter(OptionalDouble.of(0.07))));
        assertEquals("1-0", new String(ExporterContractTest.bytes(new PharaohExporter(), AlignmentFixtures.pooling()),
                "UTF-8").strip(), "the label's strongest word is 'gorgeous'");
    }

    private static String line(PharaohExporter e) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.write(AlignmentFixtures.cross(), "r", out);
        return out.toString("UTF-8").strip();
    }
}
