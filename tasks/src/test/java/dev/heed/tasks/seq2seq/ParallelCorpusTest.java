package dev.heed.tasks.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelCorpusTest {

    @TempDir
    Path dir;

    static byte[] gzipLines(int n, boolean cut) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < n; i++) {
                gz.write(("a man rides bicycle number " + i + " down the street.\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] all = bytes.toByteArray();
        return cut ? Arrays.copyOf(all, all.length / 2) : all;
    }

    @Test
    void gzipLinesReadLikePlainOnes() throws IOException {
        Path file = dir.resolve("train.en.gz");
        Files.write(file, gzipLines(12, false));
        assertEquals(12, ParallelCorpus.lines(file).size());
    }

    @Test
    void aTruncatedGzipIsAnErrorNamingTheFileAndTheLine() throws IOException {
        Path file = dir.resolve("train.en.gz");
        Files.write(file, gzipLines(20_000, true));
        IOException e = assertThrows(IOException.class, () -> ParallelCorpus.lines(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*line \\d+.*"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
}
