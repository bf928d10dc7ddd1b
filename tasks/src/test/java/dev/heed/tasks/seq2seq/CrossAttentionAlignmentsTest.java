package dev.heed.tasks.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heed.alignment.Alignment;
import dev.heed.text.SubwordEncoding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cross-attention alignment of a summary or translation built from hypotheses: a copying decoder's copy shares
 * travel with it, one per target token ({@code </s>} included), in target order over the parts; a decoder that
 * does not copy gives none. Real byte-level BPE learned in the test.
 */
class CrossAttentionAlignmentsTest {

    static final List<String> TEXTS = List.of("please call Gimuda about it.", "call Gimuda", "we need your numbers",
            "the report is ready for review today");

    @TempDir
    Path dir;

    /** A hypothesis over {@code source} producing {@code target}, ended, uniform attention, these copy shares. */
    static Hypothesis hypothesis(SubwordCodec codec, String source, String target, float[] copy) {
        long[] ids = codec.encode(target).ids();
        int s = codec.encode(source).size() + 1;
        List<float[]> rows = new ArrayList<>();
        for (int step = 0; step <= ids.length; step++) {
            float[] row = new float[s];
            Arrays.fill(row, 1f / s);
            rows.add(row);
        }
        return new Hypothesis(ids, true, -1, -1, rows, copy);
    }

    static CrossAttentionAlignments.Part part(SubwordCodec codec, int sourceOffset, String source, int targetOffset,
            String target, float[] copy) {
        SubwordEncoding encoding = codec.encode(source);
        Hypothesis h = hypothesis(codec, source, target, copy);
        return new CrossAttentionAlignments.Part(sourceOffset, encoding, targetOffset, codec.decode(h.tokens()), h);
    }

    static float[] shares(int n, float first) {
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = first + i * 0.01f;
        }
        return s;
    }

    @Test
    void aCopyingDecodersSharesAreOnePerTargetTokenInTargetOrder() throws IOException {
        try (SubwordCodec codec = SubwordCodec.learn(TEXTS, 300, dir.resolve("tokenizer.json"))) {
            String source = "please call Gimuda about it.";
            int steps = codec.encode("call Gimuda").size() + 1;
            float[] copy = shares(steps, 0.5f);
            copy[steps - 1] = 1.0000001f;                                  // float noise past 1 is clamped
            Alignment a = CrossAttentionAlignments.of("pg", source, "call Gimuda",
                    List.of(part(codec, 0, source, 0, "call Gimuda", copy)), 1, 1, codec);
            assertEquals(steps, a.rows(), "the summary's pieces and </s>");
            float[] expected = copy.clone();
            expected[steps - 1] = 1f;
            assertArrayEquals(expected, a.copyShares().orElseThrow());

            String two = "we need your numbers please call Gimuda about it.";
            String target = "we need call Gimuda";
            int first = codec.encode("we need").size() + 1;
            Alignment parts = CrossAttentionAlignments.of("pg", two, target, List.of(
                    part(codec, 0, "we need your numbers", 0, "we need", shares(first, 0.1f)),
                    part(codec, 21, source, 8, "call Gimuda", shares(steps, 0.6f))), 1, 1, codec);
            float[] both = parts.copyShares().orElseThrow();
            assertEquals(first + steps, both.length);
            assertEquals(0.1f, both[0]);
            assertEquals(0.6f, both[first], "the second part's shares follow the first's");
        }
    }

    @Test
    void aDecoderThatDoesNotCopyGivesNoSharesAndAWrongCountIsRefused() throws IOException {
        try (SubwordCodec codec = SubwordCodec.learn(TEXTS, 300, dir.resolve("tokenizer.json"))) {
            String source = "please call Gimuda about it.";
            Alignment plain = CrossAttentionAlignments.of("mt", source, "call Gimuda",
                    List.of(part(codec, 0, source, 0, "call Gimuda", new float[0])), 1, 1, codec);
            assertTrue(plain.copyShares().isEmpty());
            IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> CrossAttentionAlignments.of(
                    "pg", source, "call Gimuda", List.of(part(codec, 0, source, 0, "call Gimuda", new float[] {0.5f})),
                    1, 1, codec));
            assertTrue(wrong.getMessage().startsWith("1 copy shares for a hypothesis of "), wrong.getMessage());
        }
    }
}
