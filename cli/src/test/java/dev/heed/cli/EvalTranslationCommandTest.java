package dev.heed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.json.HeedJson;
import dev.heed.tasks.metrics.Bleu;
import dev.heed.tasks.metrics.BleuScore;
import dev.heed.tasks.metrics.Chrf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code heed eval translation} with the shipped {@code multi30k-en-de} on tiny parallel sets written in the
 * test: empty source lines are scored as empty translations and counted, and the scores are those of
 * {@link Bleu} and {@link Chrf} (which {@code SacreBleuFixturesTest} pins to sacreBLEU 2.6.0) on the written
 * hypotheses against every reference line.
 */
class EvalTranslationCommandTest {

    private static final List<String> SOURCES = List.of("A man is riding a bicycle.", "",
            "Two dogs are playing in the snow.", " \t ", "A woman is singing.", "\u200B\u2063");
    private static final List<String> REFERENCES = List.of("Ein Mann fährt Fahrrad.", "Ein Satz ohne Quelle.",
            "Zwei Hunde spielen im Schnee.", "", "Eine Frau singt.", "Unsichtbar.");

    @TempDir
    static Path dir;

    @BeforeAll
    static void home() {
        System.setProperty("heed.home", dir.resolve("home").toString());
    }

    @Test
    void emptySourceLinesAreScoredAsEmptyTranslationsAndCounted() throws Exception {
        Path prefix = dir.resolve("val");
        Files.write(Path.of(prefix + ".en"), SOURCES);
        Files.write(Path.of(prefix + ".de"), REFERENCES);
        Path report = dir.resolve("report.json");
        Path hypotheses = dir.resolve("hypotheses.txt");
        CliRun run = CliRun.of("eval", "translation", "--data", prefix.toString(), "--beam", "2", "--batch-size",
                "2", "--report", report.toString(), "--hypotheses", hypotheses.toString());
        assertEquals(0, run.exitCode(), run.err());

        List<String> hyps = Files.readAllLines(hypotheses);
        assertEquals(SOURCES.size(), hyps.size(), "one hypothesis a source line, empty ones included: " + hyps);
        assertEquals("", hyps.get(1));
        assertEquals("", hyps.get(3));
        assertEquals("", hyps.get(5), "a line of invisible characters has no words to translate");
        for (int i : new int[] {0, 2, 4}) {
            assertFalse(hyps.get(i).isBlank(), "line " + (i + 1) + " is translated: " + hyps);
        }
        assertTrue(hyps.get(0).startsWith("Ein Mann"), hyps.get(0));

        JsonNode json = HeedJson.COMPACT.readTree(report.toFile());
        assertEquals(6, json.get("sentences").asInt());
        assertEquals(3, json.get("empty_sources").asInt(), "blank lines and a line of invisible characters");
        assertTrue(run.out().contains("3 empty source lines in " + prefix + ".en: each scored as an empty translation"),
                run.out());
        BleuScore expected = Bleu.sacre().score(hyps, REFERENCES);
        assertEquals(expected.score(), json.get("bleu").get("score").asDouble(), 1e-9);
        assertEquals(expected.toString(), json.get("bleu").get("text").asText(),
                "every reference counts, the one of an empty source line too (ref_len)");
        assertTrue(run.out().contains(expected + " (beam 2)\n"), "every score says its search: " + run.out());
        assertEquals("beam 2", json.get("search").asText());
        assertEquals(new Chrf().score(hyps, REFERENCES), json.get("chrf").get("score").asDouble(), 1e-9);
        assertEquals(Bleu.lowercased().score(hyps, REFERENCES).score(),
                json.get("bleu_lowercased").get("score").asDouble(), 1e-9);
        assertTrue(expected.score() < Bleu.sacre().score(List.of(hyps.get(0), hyps.get(2), hyps.get(4)),
                List.of(REFERENCES.get(0), REFERENCES.get(2), REFERENCES.get(4))).score(),
                "the unmatched reference of an empty source lowers the corpus score");
    }

    @Test
    void aLineTheModelRefusesStopsTheRunNamingTheFileAndTheLine() throws Exception {
        Path prefix = dir.resolve("long");
        String tooLong = "the cat and the dog " + "and the bird ".repeat(200);
        Files.write(Path.of(prefix + ".en"), List.of("A man is riding a bicycle.", "", tooLong.strip()));
        Files.write(Path.of(prefix + ".de"), List.of("Ein Mann fährt Fahrrad.", "", "Die Katze."));
        CliRun run = CliRun.of("eval", "translation", "--data", prefix.toString(), "--beam", "1");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains(prefix + ".en line 3: a sentence of ") && run.err().contains("split it"),
                run.err());
    }

    @Test
    void languagesAgainstTheModelsDirectionAreRefusedBeforeAnythingIsScored() throws Exception {
        Path prefix = dir.resolve("reversed");
        Files.write(Path.of(prefix + ".de"), List.of("Ein Mann fährt Fahrrad."));
        Files.write(Path.of(prefix + ".en"), List.of("A man is riding a bicycle."));
        CliRun run = CliRun.of("eval", "translation", "--languages", "de-en", "--model", "multi30k-en-de", "--data",
                prefix.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("--languages de-en is not the direction of multi30k-en-de, which translates"
                + " en-de: leave --languages out"), run.err());
        assertFalse(run.out().contains("BLEU"), run.out());
    }
}
