package dev.heed.alignment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A NumPy {@code .npz} archive per record ({@code ID.npz}), read by {@code numpy.load}: {@code weights}
 * float32 {@code (L, H, T, S)}; {@code source_tokens} and {@code target_tokens} as fixed-width unicode
 * arrays; {@code source_spans}, {@code target_spans} int32 {@code (n, 2)}; {@code source_words},
 * {@code target_words} int32 (word index, -1 for special tokens); for a copying decoder (an alignment with
 * {@link Alignment#copyShares() copy shares}) also {@code copy} float32 {@code (T,)}, each target token's copy
 * share {@code 1 - p_gen} in {@code [0, 1]} (absent otherwise). Each member is a {@code .npy} file of
 * format version 1.0 (magic {@code \x93NUMPY}, header padded with spaces and a newline so that the data
 * starts at a multiple of 64 bytes, little-endian data in C order), stored uncompressed. Stateless.
 */
public final class NpzExporter implements AlignmentExporter {

    @Override
    public String name() {
        return "npz";
    }

    @Override
    public boolean linePerRecord() {
        return false;
    }

    @Override
    public String fileName(String safeRecordId) {
        return safeRecordId + ".npz";
    }

    @Override
    public void write(Alignment a, String recordId, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        member(zip, "weights.npy", floats(a.weights(), a.layers(), a.heads(), a.rows(), a.columns()));
        member(zip, "source_tokens.npy", strings(a.sourceTokens()));
        member(zip, "target_tokens.npy", strings(a.targetTokens()));
        member(zip, "source_spans.npy", spans(a.sourceTokens()));
        member(zip, "target_spans.npy", spans(a.targetTokens()));
        member(zip, "source_words.npy", words(a.sourceTokens()));
        member(zip, "target_words.npy", words(a.targetTokens()));
        if (a.copyShares().isPresent()) {
            member(zip, "copy.npy", floats(a.copyShares().get(), a.rows()));
        }
        zip.finish();
    }

    private static void member(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setCrc(crc.getValue());
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    /** A {@code .npy} file (version 1.0) of {@code descr} and {@code shape} holding {@code data}. */
    static byte[] npy(String descr, long[] shape, byte[] data) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(shape[i]).append(shape.length == 1 ? "," : i < shape.length - 1 ? ", " : "");
        }
        dims.append(')');
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + dims + ", }";
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(10 + header.length() + data.length);
        out.write(0x93);
        out.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write(header.length() >>> 8);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] floats(float[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return npy("<f4", shape, b.array());
    }

    private static byte[] ints(int[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        return npy("<i4", shape, b.array());
    }

    private static byte[] strings(List<AlignmentToken> tokens) {
        int width = Math.max(1, tokens.stream().mapToInt(t -> t.text().codePointCount(0, t.text().length())).max()
                .orElse(1));
        ByteBuffer b = ByteBuffer.allocate(tokens.size() * width * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (AlignmentToken t : tokens) {
            int[] cps = t.text().codePoints().toArray();
            for (int i = 0; i < width; i++) {
                b.putInt(i < cps.length ? cps[i] : 0);
            }
        }
        return npy("<U" + width, new long[] {tokens.size()}, b.array());
    }

    private static byte[] spans(List<AlignmentToken> tokens) {
        int[] v = new int[tokens.size() * 2];
        for (int i = 0; i < tokens.size(); i++) {
            v[2 * i] = tokens.get(i).start();
            v[2 * i + 1] = tokens.get(i).end();
        }
        return ints(v, tokens.size(), 2);
    }

    private static byte[] words(List<AlignmentToken> tokens) {
        return ints(tokens.stream().mapToInt(AlignmentToken::word).toArray(), tokens.size());
    }
}
