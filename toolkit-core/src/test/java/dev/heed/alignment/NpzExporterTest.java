package dev.heed.alignment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The {@code .npz} against NumPy's format specification (numpy.lib.format, version 1.0): a zip of {@code .npy}
 * members; each starts with {@code \x93NUMPY}, major 1, minor 0, a little-endian uint16 header length, an
 * ASCII dict literal with {@code descr}, {@code fortran_order} and {@code shape}, padded with spaces and ended
 * by a newline so the data starts at a multiple of 64; then the data, little-endian, C order.
 */
class NpzExporterTest {

    record Npy(String header, ByteBuffer data) {
    }

    static Map<String, Npy> read(byte[] npz) throws Exception {
        Map<String, Npy> members = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(npz))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                assertEquals(ZipEntry.STORED, e.getMethod(), e.getName());
                byte[] b = zip.readAllBytes();
                assertEquals((byte) 0x93, b[0]);
                assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
                assertEquals(1, b[6], "major version");
                assertEquals(0, b[7], "minor version");
                int headerLength = (b[8] & 0xff) | (b[9] & 0xff) << 8;
                assertEquals(0, (10 + headerLength) % 64, e.getName() + ": data aligned to 64 bytes");
                String header = new String(b, 10, headerLength, StandardCharsets.US_ASCII);
                assertTrue(header.endsWith("\n"), header);
                members.put(e.getName(), new Npy(header.strip(), ByteBuffer.wrap(b, 10 + headerLength,
                        b.length - 10 - headerLength).slice().order(ByteOrder.LITTLE_ENDIAN)));
            }
        }
        return members;
    }

    @Test
    void theArchiveHoldsTheWeightsTokensSpansAndWordsAsNpyMembers() throws Exception {
        Alignment a = AlignmentFixtures.cross();
        Map<String, Npy> npz = read(ExporterContractTest.bytes(new NpzExporter(), a));
        assertEquals(List.of("weights.npy", "source_tokens.npy", "target_tokens.npy", "source_spans.npy",
                "target_spans.npy", "source_words.npy", "target_words.npy"), List.copyOf(npz.keySet()));

        Npy weights = npz.get("weights.npy");
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2, 3, 5), }", weights.header());
        float[] values = new float[60];
        weights.data().asFloatBuffer().get(values);
        assertArrayEquals(a.weights(), values, "C order (L, H, T, S)");
        assertEquals(0.45f, values[((1 * 2 + 0) * 3 + 1) * 5 + 2]);

        Npy tokens = npz.get("source_tokens.npy");
        assertEquals("{'descr': '<U4', 'fortran_order': False, 'shape': (5,), }", tokens.header(),
                "the widest token, </s>, has 4 code points");
        assertEquals('H', tokens.data().getInt(4 * 4));
        assertEquals(0, tokens.data().getInt(4 * 4 + 2 * 4), "shorter strings are padded with NUL");

        Npy spans = npz.get("source_spans.npy");
        assertEquals("{'descr': '<i4', 'fortran_order': False, 'shape': (5, 2), }", spans.header());
        assertEquals(4, spans.data().getInt(2 * 4));
        assertEquals(6, spans.data().getInt(3 * 4));

        Npy words = npz.get("source_words.npy");
        assertEquals(-1, words.data().getInt(4 * 4), "the special token has word -1");
    }

    @Test
    void aCopyingDecodersSharesAreTheCopyMemberOnePerTargetToken() throws Exception {
        Alignment a = AlignmentFixtures.summary();
        Map<String, Npy> npz = read(ExporterContractTest.bytes(new NpzExporter(), a));
        assertEquals("copy.npy", List.copyOf(npz.keySet()).get(7), "after the seven members every alignment has");
        Npy copy = npz.get("copy.npy");
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", copy.header());
        float[] shares = new float[4];
        copy.data().asFloatBuffer().get(shares);
        assertArrayEquals(AlignmentFixtures.SUMMARY_COPY, shares);
        assertFalse(read(ExporterContractTest.bytes(new NpzExporter(), AlignmentFixtures.cross()))
                .containsKey("copy.npy"), "no copy member for a model that does not copy");
    }

    @Test
    void aOneDimensionalShapeIsWrittenAsATupleWithItsComma() {
        String header = new String(NpzExporter.floats(new float[] {1f, 2f}, 2), 10, 60, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }"), header);
    }
}
