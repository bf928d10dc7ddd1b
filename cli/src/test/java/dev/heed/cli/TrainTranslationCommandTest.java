package dev.heed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** heed train translation's refusals: what it checks before it reads data for long or writes a file. */
class TrainTranslationCommandTest {

    @TempDir
    Path dir;

    @Test
    void anEncoderAndADecoderThatDoNotFitAreRefusedBeforeTrainingAndLeaveNoFolder() throws Exception {
        Path train = dir.resolve("train");
        Path dev = dir.resolve("dev");
        TranslateCommandTest.write(train, 200, 1);
        TranslateCommandTest.write(dev, 20, 2);
        Path out = dir.resolve("misfit");
        CliRun run = CliRun.of("train", "translation", "--encoder", "transformer", "--decoder", "transformer",
                "--attention", "multi-head", "--train", train.toString(), "--dev",
                dev.toString(), "--languages", "en-de", "--out", out.toString(), "--vocab-size", "300",
                "--epochs", "1", "--set", "dim=32", "--set", "heads=2", "--set", "layers=1", "--set", "ffnDim=64");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("the transformer encoder (states of 32) and the transformer decoder (dim 256"),
                run.err());
        assertTrue(run.err().contains("--set-decoder dim=32"), "what to set: " + run.err());
        assertTrue(!run.err().contains("\tat ") && !run.err().contains("epoch 1"), "refused before training, no"
                + " stack trace: " + run.err());
        assertTrue(!Files.exists(out), "no half-written folder");

        String message = run.err();
        String fix = message.substring(message.indexOf("e.g. ") + 5, message.indexOf(" (the decoder's defaults"));
        java.util.List<String> fixed = new java.util.ArrayList<>(java.util.List.of("train", "translation",
                "--encoder", "transformer", "--decoder", "transformer", "--attention", "multi-head", "--train",
                train.toString(), "--dev", dev.toString(), "--languages", "en-de", "--out", out.toString(),
                "--vocab-size", "300", "--epochs", "1", "--limit", "40", "--set", "dim=32", "--set", "heads=2",
                "--set", "layers=1", "--set", "ffnDim=64", "--set-decoder", "heads=2", "--set-decoder", "layers=1",
                "--set-decoder", "ffnDim=64"));
        fixed.addAll(java.util.List.of(fix.split(" ")));
        CliRun again = CliRun.of(fixed.toArray(String[]::new));
        assertEquals(0, again.exitCode(), "the settings the message names make it fit: " + fix + "\n" + again.err());
        assertTrue(Files.exists(out.resolve("model.json")));
    }
}
