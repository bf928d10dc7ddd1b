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

    static final List<Alignment> KINDS = List.of(AlignmentFixtures.cross(), AlignmentFixtures.pooling(),
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
}
