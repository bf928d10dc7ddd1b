package dev.heed.tasks.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** all-MiniLM-L6-v2, resolved by name from the Maven artifact on the classpath into a temporary HEED_HOME. */
class SentenceEmbedderTest {

    @TempDir
    static Path home;

    static SentenceEmbedder embedder;

    @BeforeAll
    static void load() throws Exception {
        System.setProperty("heed.home", home.toString());
        embedder = SentenceEmbedder.load("all-minilm-l6-v2");
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void vectorsAreUnitLengthAndSimilarTextsAreCloser() {
        List<Embedding> v = embedder.embed(List.of("A man is eating food.", "A man is eating a piece of bread.",
                "The stock market fell sharply today."));
        assertEquals(384, embedder.dimension());
        for (Embedding e : v) {
            double norm = 0;
            for (float x : e.vector()) {
                norm += x * x;
            }
            assertEquals(1.0, norm, 1e-5);
        }
        assertTrue(v.get(0).cosine(v.get(1)) > v.get(0).cosine(v.get(2)) + 0.3,
                "paraphrase " + v.get(0).cosine(v.get(1)) + " vs unrelated " + v.get(0).cosine(v.get(2)));
    }

    @Test
    void aTextGetsTheSameVectorAloneOrInAPaddedBatch() {
        String text = "Short.";
        float[] alone = embedder.embed(text).vector();
        float[] batched = embedder.embed(List.of("A much longer sentence that pads the short one in its batch.", text))
                .get(1).vector();
        assertArrayEquals(alone, batched, 1e-5f);
    }

    @Test
    void aListLargerThanOneForwardPassKeepsItsOrderAndVectors() {
        // 120 texts of 14 subwords or more: over 1,024 padded tokens, so embed runs several forward passes
        List<String> texts = java.util.stream.IntStream.range(0, 120)
                .mapToObj(i -> "Review number " + i + " says the film was " + (i % 2 == 0 ? "wonderful" : "dreadful")
                        + (i % 7 == 0 ? ", and the long ending dragged on for far too many minutes." : "."))
                .toList();
        List<Embedding> all = embedder.embed(texts);
        assertEquals(texts.size(), all.size());
        for (int i : new int[] {0, 1, 59, 63, 119}) {
            assertArrayEquals(embedder.embed(texts.get(i)).vector(), all.get(i).vector(), 1e-5f, "text " + i);
        }
    }

    @Test
    void longInputsAreTruncatedAndCountedOrRejected() throws Exception {
        String longText = "word ".repeat(700);
        Embedding e = embedder.embed(longText);
        assertTrue(e.truncatedTokens() > 100, "truncated " + e.truncatedTokens());
        try (SentenceEmbedder strict = SentenceEmbedder.load("all-minilm-l6-v2",
                new EmbeddingOptions(Device.cpu(), Optional.of("cls"), LongInputPolicy.REJECT))) {
            TooLongException x = assertThrows(TooLongException.class, () -> strict.embed(longText));
            assertTrue(x.getMessage().contains("512"), x.getMessage());
            assertEquals(0, strict.embed("fits").truncatedTokens());
        }
    }
}
