package dev.heed.tasks.metrics;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.json.HeedJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * BLEU, lower-cased BLEU and chrF on every corpus of {@code sacrebleu-2.6.0-fixtures.json} equal sacreBLEU
 * 2.6.0's own results: scores, precisions, brevity penalty and lengths within 1e-9, the printed line and the
 * signature character for character. The corpora (empty, one-character, whitespace-only and punctuation-only
 * lines, accents, CJK, references shorter than the n-gram orders, several reference streams) and the frozen
 * values come from {@code tasks/src/test/python/make_sacrebleu_fixtures.py}, run once with sacreBLEU itself.
 */
class SacreBleuFixturesTest {

    private static final double TOLERANCE = 1e-9;
    private static final String FIXTURES = "sacrebleu-2.6.0-fixtures.json";

    private static JsonNode fixtures() throws IOException {
        try (InputStream in = SacreBleuFixturesTest.class.getResourceAsStream(FIXTURES)) {
            return HeedJson.COMPACT.readTree(in);
        }
    }

    @Test
    void theFixturesAreSacreBleu260sAndCoverTheEdgeCases() throws IOException {
        JsonNode root = fixtures();
        assertEquals(Bleu.SACREBLEU_VERSION, root.get("sacrebleu").asText());
        int pairs = 0;
        boolean emptyReference = false;
        boolean severalStreams = false;
        for (JsonNode c : root.get("cases")) {
            pairs += c.get("hypotheses").size();
            severalStreams |= c.get("references").size() > 1;
            for (JsonNode stream : c.get("references")) {
                for (JsonNode line : stream) {
                    emptyReference |= line.asText().isEmpty();
                }
            }
        }
        assertTrue(pairs >= 300 && emptyReference && severalStreams, pairs + " segment pairs");
    }

    @TestFactory
    Stream<DynamicContainer> everyCorpusScoresAsSacreBleu() throws IOException {
        List<DynamicContainer> cases = new ArrayList<>();
        for (JsonNode c : fixtures().get("cases")) {
            List<String> hyps = strings(c.get("hypotheses"));
            List<List<String>> refs = new ArrayList<>();
            c.get("references").forEach(stream -> refs.add(strings(stream)));
            cases.add(DynamicContainer.dynamicContainer(c.get("name").asText(), Stream.of(
                    DynamicTest.dynamicTest("BLEU", () -> bleu(Bleu.sacre().corpusScore(hyps, refs), c.get("bleu"))),
                    DynamicTest.dynamicTest("lower-cased BLEU",
                            () -> lowercased(Bleu.lowercased().corpusScore(hyps, refs), c.get("bleu_lc"))),
                    DynamicTest.dynamicTest("chrF", () -> chrf(new Chrf().corpusScore(hyps, refs), c.get("chrf"))))));
        }
        return cases.stream();
    }

    private static void bleu(BleuScore actual, JsonNode expected) {
        JsonNode p = expected.get("precisions");
        assertAll(() -> assertEquals(expected.get("score").asDouble(), actual.score(), TOLERANCE, "score"),
                () -> assertEquals(p.get(0).asDouble(), actual.precisions()[0], TOLERANCE, "1-gram precision"),
                () -> assertEquals(p.get(1).asDouble(), actual.precisions()[1], TOLERANCE, "2-gram precision"),
                () -> assertEquals(p.get(2).asDouble(), actual.precisions()[2], TOLERANCE, "3-gram precision"),
                () -> assertEquals(p.get(3).asDouble(), actual.precisions()[3], TOLERANCE, "4-gram precision"),
                () -> assertEquals(expected.get("bp").asDouble(), actual.brevityPenalty(), TOLERANCE, "BP"),
                () -> assertEquals(expected.get("sys_len").asLong(), actual.hypothesisLength(), "sys_len"),
                () -> assertEquals(expected.get("ref_len").asLong(), actual.referenceLength(), "ref_len"),
                () -> assertEquals(expected.get("formatted").asText(), actual.toString()),
                () -> assertEquals(expected.get("signature").asText(), actual.signature()));
    }

    private static void lowercased(BleuScore actual, JsonNode expected) {
        assertAll(() -> assertEquals(expected.get("score").asDouble(), actual.score(), TOLERANCE, "score"),
                () -> assertEquals(expected.get("formatted").asText(), actual.toString()),
                () -> assertEquals(expected.get("signature").asText(), actual.signature()));
    }

    private static void chrf(ChrfScore actual, JsonNode expected) {
        assertAll(() -> assertEquals(expected.get("score").asDouble(), actual.score(), TOLERANCE, "score"),
                () -> assertEquals(expected.get("formatted").asText(), actual.toString()),
                () -> assertEquals(expected.get("signature").asText(), actual.signature()));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(line -> out.add(line.asText()));
        return out;
    }
}
