package dev.heed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelManifest;
import dev.heed.model.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void model() throws Exception {
        System.setProperty("heed.home", dir.resolve("home").toString());
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        ModelDirectory.seal(dir, new ModelManifest(1, "tiny", "tokenizer", "a tiny model", List.of(),
                Map.of("source", "tokenizer.json"), Map.of(), "", Map.of(), Map.of("accuracy", 0.875),
                new Provenance("0.1.0", "abc", 7, "none", "0.35.1", "2.7.1", 3, "heed train x", "2026-11-21T00:00:00Z")),
                List.of("tokenizer.json"));
    }

    @Test
    void verifyAcceptsAnIntactDirectoryAndNamesAnAlteredFile() throws Exception {
        CliRun ok = CliRun.of("models", "verify", dir.toString());
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().contains("ok: tiny (tokenizer), 1 files verified"), ok.out());

        Files.writeString(dir.resolve("tokenizer.json"), "[]");
        CliRun bad = CliRun.of("models", "verify", dir.toString());
        assertEquals(ExitCodes.MODEL, bad.exitCode());
        assertTrue(bad.err().contains("tokenizer.json") && bad.err().contains("altered"), bad.err());
    }

    @Test
    void verifyTakesANamedModelAndChecksItsCachedCopyAsItIs() throws Exception {
        CliRun ok = CliRun.of("models", "verify", "sst2");
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().startsWith("ok: sst2 (sentiment), 3 files verified in "), ok.out());
        Path cached = Path.of(ok.out().substring(ok.out().indexOf(" in ") + 4).strip());
        Files.writeString(cached.resolve("README.md"), "changed");
        CliRun bad = CliRun.of("models", "verify", "sst2");
        assertEquals(ExitCodes.MODEL, bad.exitCode(), bad.out());
        assertTrue(bad.err().contains("the cached copy of sst2 in " + cached) && bad.err().contains("README.md")
                && bad.err().contains("delete that folder"), bad.err());
    }

    @Test
    void importOfAHuggingFaceDirectoryWithoutItsWeightsNamesTheMissingFile() throws Exception {
        Path hf = dir.resolve("hf");
        Files.createDirectories(hf);
        Files.writeString(hf.resolve("config.json"), "{}");
        CliRun run = CliRun.of("models", "import", "hf", hf.toString(), "--out", dir.resolve("out").toString());
        assertTrue(run.exitCode() == ExitCodes.MODEL || run.exitCode() == ExitCodes.IO, run.err());
        String message = run.err().strip();
        assertTrue(message.contains(hf.resolve("model.safetensors").toString()), message);
        assertTrue(message.length() > ("heed: " + hf.resolve("model.safetensors")).length() + 20,
                "more than the bare path: " + message);
        assertTrue(message.contains("config.json") && message.contains("tokenizer.json"),
                "what a HuggingFace directory holds: " + message);
    }

    @Test
    void aTranslationModelsDevScoresSayWhichSearchMadeThem() {
        CliRun run = CliRun.of("models", "info", "multi30k-en-de");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("dev bleu     36.5530 (greedy search)"), run.out());
    }

    @Test
    void infoShowsManifestMetricsAndProvenance() {
        CliRun run = CliRun.of("models", "info", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("dev accuracy 0.8750"), run.out());
        assertTrue(run.out().contains("trained by   heed train x"), run.out());
    }

    @Test
    void unknownNameIsAModelError() {
        CliRun run = CliRun.of("models", "info", "no-such-model");
        assertEquals(ExitCodes.MODEL, run.exitCode());
        assertTrue(run.err().contains("no model named 'no-such-model'"), run.err());
    }

    @Test
    void listRuns() {
        CliRun run = CliRun.of("models", "list");
        assertEquals(0, run.exitCode(), run.err());
    }
}
