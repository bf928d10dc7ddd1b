package dev.heed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heed.engine.EngineSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HeedCommandTest {

    @BeforeAll
    static void offline() {
        EngineSetup.configure();
    }

    @Test
    void versionNamesHeedDjlAndLibtorch() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("heed 0."), run.out());
        assertTrue(run.out().contains("DJL 0.35.1, libtorch 2.7.1"), run.out());
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        for (String expected : new String[] {"doctor", "tokenize", "models", "Exit codes:", "3  model error"}) {
            assertTrue(run.out().contains(expected), "help lacks '" + expected + "':\n" + run.out());
        }
    }

    @Test
    void aRunOfOneCommandBuildsOnlyThatCommandAndHelpOrAMistakeBuildsThemAll() {
        assertEquals(java.util.Set.of("sentiment"), HeedCommand.commandLine("sentiment", "-i", "x").getSubcommands()
                .keySet());
        assertEquals(java.util.Set.of("train"), HeedCommand.commandLine("train", "sentiment").getSubcommands().keySet());
        assertTrue(HeedCommand.commandLine("train").getSubcommands().get("train").getSubcommands()
                .containsKey("summarization"), "a command's own subcommands are all there");
        int all = HeedCommand.SUBCOMMANDS.size();
        assertEquals(all, HeedCommand.commandLine().getSubcommands().size());
        assertEquals(all, HeedCommand.commandLine("--help").getSubcommands().size());
        assertEquals(all, HeedCommand.commandLine("help", "sentiment").getSubcommands().size());
        assertEquals(all, HeedCommand.commandLine("sentimnt").getSubcommands().size());
        CliRun typo = CliRun.of("sentimnt");
        assertEquals(ExitCodes.USAGE, typo.exitCode());
        assertTrue(typo.err().contains("sentiment"), "suggests the command: " + typo.err());
        CliRun help = CliRun.of("help", "sentiment");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().contains("--threads"), help.out());
        assertEquals(CliRun.of("help", "sentiment").out(), CliRun.of("sentiment", "--help").out(),
                "the same help whichever way the tree was built");
    }

    @Test
    void doctorReportsCpuLibtorchAndOfflineMode() {
        CliRun run = CliRun.of("doctor");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s).*\\blibtorch +2\\.7\\.1, flavor cpu.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\boffline mode +true.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\bdevice +cpu \\(auto: no GPU usable.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\ballocator +glibc, tuned for libtorch \\(mmap threshold 32 MiB.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\blibtorch threads +\\d+ intra-op.*"), run.out());
    }

    @Test
    void doctorWithAGpuThatIsNotThereFailsSayingSo() {
        CliRun run = CliRun.of("doctor", "--device", "gpu");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("no GPU is usable"), run.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("tokenize", "--no-such-flag");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--no-such-flag"), run.err());
    }

    @Test
    void aWrongOptionValueIsOneLineNamingTheOptionAndWhatIsValidNotTheUsageText() {
        CliRun run = CliRun.of("translate", "--n-best", "3", "--beam", "2");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("heed: --n-best must be between 1 and the --beam (2), got 3: raise --beam to at least 3 or lower"
                + " --n-best\nheed: 'heed translate --help' lists the options\n", run.err().replace("\r", ""));
        CliRun unknown = CliRun.of("sentiment", "--attention-formt", "json");
        assertFalse(unknown.err().contains("Usage:"), unknown.err());
        assertTrue(unknown.err().contains("--attention-format"), "picocli's suggestion: " + unknown.err());
    }
}
