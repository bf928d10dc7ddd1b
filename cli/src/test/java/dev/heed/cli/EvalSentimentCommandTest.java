package dev.heed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** heed eval sentiment on the shipped sst2 model. */
class EvalSentimentCommandTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void home() {
        System.setProperty("heed.home", dir.resolve("home").toString());
    }

    @Test
    void dataWithOtherClassesThanTheModelsIsRefusedNamingTheLineTheClassesAndNoOptionItLacks() throws Exception {
        Path data = dir.resolve("five.txt");
        Files.writeString(data, "1 a gorgeous, witty film\n4 a triumph\n");
        CliRun run = CliRun.of("eval", "sentiment", "--model", "sst2", "--data", data.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("five.txt:2: label '4' is not one of [negative, positive]"), run.err());
        assertTrue(run.err().contains("sst2 knows only these 2 classes"), run.err());
        assertFalse(run.err().contains("pass --labels"), "eval sentiment has no --labels: " + run.err());
        assertTrue(run.err().contains("heed train sentiment --labels"), "the option is train's: " + run.err());
    }

    @Test
    void theModelsOwnClassesEvaluate() throws Exception {
        Path data = dir.resolve("two.txt");
        Files.writeString(data, "1 a gorgeous, witty film that never drags\n0 dull, lifeless and far too long\n");
        CliRun run = CliRun.of("eval", "sentiment", "--model", "sst2", "--data", data.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("2 examples"), run.out());
    }
}
