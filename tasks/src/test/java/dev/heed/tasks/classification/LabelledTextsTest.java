package dev.heed.tasks.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledTextsTest {

    @TempDir
    Path dir;

    static byte[] gzip(String text, boolean cut) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = bytes.toByteArray();
        return cut ? Arrays.copyOf(all, all.length / 2) : all;
    }

    static String sst2(int rows) {
        StringBuilder tsv = new StringBuilder("sentence\tlabel\n");
        for (int i = 0; i < rows; i++) {
            tsv.append("a film of ").append(i).append(" parts, ").append(i % 7).append(" good\t").append(i % 2)
                    .append('\n');
        }
        return tsv.toString();
    }

    @Test
    void aGzipTsvReadsLikeThePlainOne() throws IOException {
        Path file = dir.resolve("train.tsv.gz");
        Files.write(file, gzip(sst2(10), false));
        LabelledTexts texts = LabelledTexts.read(file, List.of("negative", "positive"));
        assertEquals(10, texts.size());
    }

    @Test
    void aTruncatedGzipIsAnErrorNamingTheFileAndTheLine() throws IOException {
        Path file = dir.resolve("train.tsv.gz");
        Files.write(file, gzip(sst2(20_000), true));
        IOException e = assertThrows(IOException.class, () -> LabelledTexts.read(file, List.of("negative", "positive")));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*line \\d+.*"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aMalformedJsonLineIsAnErrorNamingTheFileAndTheLine() throws IOException {
        Path file = dir.resolve("train.jsonl");
        Files.writeString(file, "{\"text\":\"good\",\"label\":1}\n{\"text\":\"bad\",\"label\":0\n");
        IOException e = assertThrows(IOException.class, () -> LabelledTexts.read(file, List.of("negative", "positive")));
        assertTrue(e.getMessage().contains(file + ":2"), e.getMessage());
    }
}
