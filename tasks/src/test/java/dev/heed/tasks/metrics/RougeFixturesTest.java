package dev.heed.tasks.metrics;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.json.HeedJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * The ROUGE library against {@code rouge-score-0.1.2-fixtures.json}, made by
 * {@code tasks/src/test/python/make_rouge_fixtures.py} with NLTK 3.10.3 and numpy: NLTK's Porter stems of 6130
 * word types as equal strings (246 of them stem otherwise in NLTK's MARTIN_EXTENSIONS mode, Lucene's, so a
 * Martin-style stemmer fails here), rouge-score's tokens of tricky strings and of every code point, ROUGE-1/2/3/L/
 * Lsum of 118 cases with and without stemming within 1e-12, the corpus mean to the last bit, and the bootstrap
 * bounds and percentiles, given numpy's draws, to the last bit.
 */
class RougeFixturesTest {

    private static final double TOLERANCE = 1e-12;
    private static final String FIXTURES = "rouge-score-0.1.2-fixtures.json";
    private static final List<String> TYPES = List.of("rouge1", "rouge2", "rouge3", "rougeL", "rougeLsum");

    private static JsonNode root;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = RougeFixturesTest.class.getResourceAsStream(FIXTURES)) {
            root = HeedJson.COMPACT.readTree(in);
        }
    }

    @Test
    void theFixturesAreOfTheseVersionsAndLargeEnough() {
        assertAll(() -> assertEquals(RougeScorer.ROUGE_SCORE_VERSION, root.get("rouge_score").asText()),
                () -> assertEquals(NltkPorterStemmer.NLTK_VERSION, root.get("nltk").asText()),
                () -> assertTrue(root.get("stems").size() >= 5000, root.get("stems").size() + " stems"),
                () -> assertTrue(root.get("martin").size() >= 200, root.get("martin").size() + " Martin stems"),
                () -> assertTrue(root.get("cases").size() >= 100, root.get("cases").size() + " cases"));
    }

    @Test
    void everyWordStemsAsNltksPorterStemmerInItsDefaultMode() {
        NltkPorterStemmer stemmer = new NltkPorterStemmer();
        List<String> wrong = new ArrayList<>();
        for (JsonNode pair : root.get("stems")) {
            String word = pair.get(0).asText();
            String actual = stemmer.stem(word);
            if (!actual.equals(pair.get(1).asText())) {
                wrong.add(word + " -> " + actual + " (NLTK: " + pair.get(1).asText() + ")");
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + root.get("stems").size() + " stems differ: "
                + wrong.subList(0, Math.min(wrong.size(), 30)));
    }

    @Test
    void theWordsWhereMartinsModeDiffersAreAmongTheStems() {
        Map<String, String> nltk = new HashMap<>();
        root.get("stems").forEach(pair -> nltk.put(pair.get(0).asText(), pair.get(1).asText()));
        for (JsonNode pair : root.get("martin")) {
            String word = pair.get(0).asText();
            assertTrue(nltk.containsKey(word), word);
            assertNotEquals(nltk.get(word), pair.get(1).asText(), word);
        }
    }

    @Test
    void tokensAreRougeScores() {
        RougeTokenizer plain = new RougeTokenizer(false);
        RougeTokenizer stemmed = new RougeTokenizer(true);
        for (JsonNode c : root.get("tokens")) {
            String text = c.get("text").asText();
            assertEquals(strings(c.get("plain")), plain.tokenize(text), text);
            assertEquals(strings(c.get("stemmed")), stemmed.tokenize(text), text);
        }
    }

    @Test
    void exactlyTheCodePointsThatGiveATokenInPythonGiveOne() {
        Map<Integer, List<String>> expected = new HashMap<>();
        root.get("code_points").forEach(e -> expected.put(e.get(0).asInt(), strings(e.get(1))));
        assertTrue(expected.containsKey(0x130) && expected.containsKey(0x212A) && expected.size() == 64);
        RougeTokenizer tokenizer = new RougeTokenizer(false);
        List<String> wrong = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                continue;
            }
            List<String> actual = tokenizer.tokenize(Character.toString(c));
            if (!actual.equals(expected.getOrDefault(c, List.of()))) {
                wrong.add(Integer.toHexString(c) + " -> " + actual);
            }
        }
        assertTrue(wrong.isEmpty(),
                wrong.size() + " code points differ: " + wrong.subList(0, Math.min(30, wrong.size())));
    }

    @TestFactory
    Stream<DynamicContainer> everyCaseScoresAsRougeScore() {
        RougeScorer plain = new RougeScorer(types(), false);
        RougeScorer stemmed = new RougeScorer(types(), true);
        List<DynamicContainer> cases = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            List<String> refs = strings(c.get("references"));
            String prediction = c.get("prediction").asText();
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("use_stemmer=False",
                    () -> scores(c.get("plain"), plain.scoreMulti(refs, prediction))));
            tests.add(DynamicTest.dynamicTest("use_stemmer=True",
                    () -> scores(c.get("stemmed"), stemmed.scoreMulti(refs, prediction))));
            if (refs.size() == 1) {
                tests.add(DynamicTest.dynamicTest("score equals score_multi of one reference",
                        () -> assertEquals(stemmed.scoreMulti(refs, prediction),
                                stemmed.score(refs.get(0), prediction))));
            }
            cases.add(DynamicContainer.dynamicContainer(c.get("name").asText(), tests));
        }
        return cases.stream();
    }

    @Test
    void theCorpusMeanIsNumpysToTheLastBit() {
        BootstrapAggregator aggregator = aggregatorOfTheFixtureDocuments(0.95, 10);
        JsonNode mean = root.get("aggregate").get("mean");
        aggregator.aggregate().forEach((type, aggregate) -> {
            JsonNode expected = mean.get(type.name());
            assertEquals(expected.get(0).asDouble(), aggregate.mean().precision(), type + " precision");
            assertEquals(expected.get(1).asDouble(), aggregate.mean().recall(), type + " recall");
            assertEquals(expected.get(2).asDouble(), aggregate.mean().fmeasure(), type + " F1");
        });
    }

    @TestFactory
    Stream<DynamicTest> givenNumpysDrawsTheIntervalIsRougeScoresToTheLastBit() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode run : root.get("aggregate").get("bootstrap")) {
            int samples = run.get("n_samples").asInt();
            double confidence = run.get("confidence_interval").asDouble();
            tests.add(DynamicTest.dynamicTest(samples + " samples, confidence " + confidence, () -> {
                BootstrapAggregator aggregator = aggregatorOfTheFixtureDocuments(confidence, samples);
                Map<RougeType, RougeAggregate> actual = aggregator.aggregate(() -> recorded(run.get("indices")));
                actual.forEach((type, aggregate) -> {
                    JsonNode expected = run.get("types").get(type.name());
                    assertBounds(expected.get("low"), aggregate.low(), type + " low");
                    assertBounds(expected.get("high"), aggregate.high(), type + " high");
                });
            }));
        }
        return tests.stream();
    }

    @Test
    void percentilesAreNumpysToTheLastBit() {
        for (JsonNode set : root.get("percentiles")) {
            double[] sorted = new double[set.get("values").size()];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = set.get("values").get(i).asDouble();
            }
            Arrays.sort(sorted);
            for (JsonNode interval : set.get("intervals")) {
                double[] levels = Percentiles.levels(interval.get("confidence_interval").asDouble());
                String where = sorted.length + " values, confidence " + interval.get("confidence_interval");
                assertEquals(interval.get("low").asDouble(), Percentiles.linear(sorted, levels[0]), where + " low");
                assertEquals(interval.get("mid").asDouble(), Percentiles.linear(sorted, levels[1]), where + " mid");
                assertEquals(interval.get("high").asDouble(), Percentiles.linear(sorted, levels[2]), where + " high");
            }
        }
    }

    /** The fixture's documents with their frozen stemmed scores, in the fixture's order. */
    private static BootstrapAggregator aggregatorOfTheFixtureDocuments(double confidence, int samples) {
        Map<String, JsonNode> byName = new HashMap<>();
        root.get("cases").forEach(c -> byName.put(c.get("name").asText(), c.get("stemmed")));
        BootstrapAggregator aggregator = new BootstrapAggregator(confidence, samples, 1);
        for (JsonNode name : root.get("aggregate").get("cases")) {
            JsonNode stemmed = byName.get(name.asText());
            Map<RougeType, RougeScore> scores = new LinkedHashMap<>();
            for (String type : TYPES) {
                JsonNode s = stemmed.get(type);
                scores.put(RougeType.of(type), new RougeScore(s.get(0).asDouble(), s.get(1).asDouble(),
                        s.get(2).asDouble()));
            }
            aggregator.add(scores);
        }
        return aggregator;
    }

    /** numpy's draws as written into the fixture, resample after resample. */
    private static BootstrapAggregator.Draws recorded(JsonNode indices) {
        Iterator<JsonNode> samples = indices.iterator();
        return new BootstrapAggregator.Draws() {
            private Iterator<JsonNode> sample = List.<JsonNode>of().iterator();

            @Override
            public int next(int documents) {
                if (!sample.hasNext()) {
                    sample = samples.next().iterator();
                }
                return sample.next().asInt();
            }
        };
    }

    private static void scores(JsonNode expected, Map<RougeType, RougeScore> actual) {
        assertEquals(types(), List.copyOf(actual.keySet()));
        List<Executable> checks = new ArrayList<>();
        for (RougeType type : types()) {
            JsonNode e = expected.get(type.name());
            RougeScore a = actual.get(type);
            checks.add(() -> assertEquals(e.get(0).asDouble(), a.precision(), TOLERANCE, type + " precision"));
            checks.add(() -> assertEquals(e.get(1).asDouble(), a.recall(), TOLERANCE, type + " recall"));
            checks.add(() -> assertEquals(e.get(2).asDouble(), a.fmeasure(), TOLERANCE, type + " F1"));
        }
        assertAll(checks);
    }

    private static void assertBounds(JsonNode expected, RougeScore actual, String what) {
        assertAll(() -> assertEquals(expected.get(0).asDouble(), actual.precision(), what + " precision"),
                () -> assertEquals(expected.get(1).asDouble(), actual.recall(), what + " recall"),
                () -> assertEquals(expected.get(2).asDouble(), actual.fmeasure(), what + " F1"));
    }

    private static List<RougeType> types() {
        return TYPES.stream().map(RougeType::of).toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }
}
