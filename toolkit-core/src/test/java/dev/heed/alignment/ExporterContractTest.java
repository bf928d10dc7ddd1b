package dev.heed.alignment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Every alignment format against the exporter contract: a pure function (the same alignment gives the same
 * bytes), something written for every kind of alignment, one newline-terminated line per record for the line
 * formats, and a file name for every record.
 */
class ExporterContractTest {

    static final List<Alignment> KINDS = List.of(AlignmentFixtures.cross(), AlignmentFixtures.summary(),
            AlignmentFixtures.pooling(),
            AlignmentFixtures.lateInteraction(),
            AlignmentFixtures.selfAttention(2, 3, 4, 1));

    static byte[] bytes(AlignmentExporter e, Alignment a) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.write(a, "rec-1", out);
        return out.toByteArray();
    }

    @Test
    void everyFormatIsAPureFunctionOfTheAlignment() throws Exception {
        for (AlignmentExporter e : AlignmentExporters.parse(String.join(",", AlignmentExporters.names()),
                OptionalDouble.empty())) {
            for (Alignment a : KINDS) {
                byte[] first = bytes(e, a);
                assertTrue(first.length > 0, e.name() + " wrote nothing for " + a);
                assertArrayEquals(first, bytes(e, a), e.name() + " is not deterministic for " + a);
                if (e.linePerRecord()) {
                    assertArrayEquals(e.header(), e.header(), e.name());
                    String line = new String(first, java.nio.charset.StandardCharsets.UTF_8);
                    assertTrue(line.endsWith("\n"), e.name());
                    assertEquals(1, line.chars().filter(c -> c == '\n').count(), e.name() + ": one line a record");
                } else {
                    assertTrue(e.fileName("rec-1").startsWith("rec-1."), e.name());
                }
            }
        }
    }

    @Test
    void theSixFormatsAreFoundByNameAndAnUnknownOneListsThem() {
        assertEquals(List.of("json", "pharaoh", "npz", "png", "html", "html-files"), AlignmentExporters.names());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AlignmentExporters.parse("json,svg", OptionalDouble.empty()));
        assertTrue(e.getMessage().contains("'svg'") && e.getMessage().contains("pharaoh"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AlignmentExporters.parse("png,png", OptionalDouble.empty()));
    }

    @Test
    void anAlignmentWithTheWrongNumberOfWeightsOrBadWeightsIsRefused() {
        Alignment a = AlignmentFixtures.pooling();
        assertThrows(IllegalArgumentException.class, () -> new Alignment(a.model(), a.kind(), a.source(), a.target(),
                a.sourceTokens(), a.targetTokens(), 1, 1, new float[4]));
        assertThrows(IllegalArgumentException.class, () -> new Alignment(a.model(), a.kind(), a.source(), a.target(),
                a.sourceTokens(), a.targetTokens(), 1, 1, new float[] {0, 0, Float.NaN, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new Alignment(a.model(), a.kind(), "short", a.target(),
                a.sourceTokens(), a.targetTokens(), 1, 1, a.weights()), "spans past the end of the text");
    }

    @Test
    void copySharesAreOnePerTargetTokenInZeroToOneAndOnlyOnCrossAttention() {
        Alignment s = AlignmentFixtures.summary();
        assertArrayEquals(AlignmentFixtures.SUMMARY_COPY, s.copyShares().orElseThrow());
        assertTrue(AlignmentFixtures.cross().copyShares().isEmpty(), "no copy shares unless given");
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> s.withCopyShares(new float[] {0.1f, 0.2f, 0.3f}));
        assertEquals("3 copy shares for 4 target tokens; there is one per target token", length.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> s.withCopyShares(new float[] {0.1f, 1.2f, 0.3f, 0f}));
        assertEquals("copy share 1 is 1.2; copy shares are in [0, 1]", range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.withCopyShares(new float[] {0f, Float.NaN, 0f, 0f}));
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> AlignmentFixtures.pooling().withCopyShares(new float[] {0.5f}));
        assertTrue(kind.getMessage().contains("not to pooling"), kind.getMessage());
        float[] given = {0.1f, 0.2f, 0.3f, 0.4f};
        Alignment copied = s.withCopyShares(given);
        given[0] = 0.9f;
        copied.copyShares().orElseThrow()[1] = 0.9f;
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, copied.copyShares().orElseThrow(), "copied in and out");
        assertTrue(!copied.equals(s) && s.equals(AlignmentFixtures.summary()), "the shares take part in equality");
        assertTrue(!s.equals(s.withCopyShares(new float[4])) && !AlignmentFixtures.cross().equals(
                AlignmentFixtures.cross().withCopyShares(new float[3])), "absent differs from present");
    }

    @Test
    void theCopiedMassIsTheShareTimesTheHeadMeanRow() {
        Alignment s = AlignmentFixtures.summary();
        float[] gim = s.copiedMass(0, 1);
        assertEquals(8, gim.length);
        assertEquals(0.9f * 0.85f, gim[2], 1e-6f, "0.9 of Gim copied, 0.85 of its attention on Gim");
        double sum = 0;
        for (float m : gim) {
            sum += m;
        }
        assertEquals(0.9, sum, 1e-5, "a row summing to 1 spreads exactly the copy share");
        assertThrows(IllegalStateException.class, () -> AlignmentFixtures.cross().copiedMass(1, 0));
        assertThrows(IllegalArgumentException.class, () -> s.copiedMass(0, 4));
    }
}
