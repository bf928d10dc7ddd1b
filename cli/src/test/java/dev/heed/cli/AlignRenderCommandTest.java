package dev.heed.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heed.alignment.Alignment;
import dev.heed.alignment.AlignmentExporters;
import dev.heed.alignment.AlignmentKind;
import dev.heed.alignment.AlignmentToken;
import dev.heed.alignment.AlignmentWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code heed align render}: saved alignments re-rendered without a model give the files the run would have. */
class AlignRenderCommandTest {

    @TempDir
    Path dir;
    Path saved;

    /** "Ein Haus." -> "A house." (2 heads) and a pooling record, as a run exports them in every format. */
    static List<Alignment> alignments() {
        List<AlignmentToken> src = List.of(new AlignmentToken("Ein", 0, 3, 0, false),
                new AlignmentToken("Ha", 4, 6, 1, false), new AlignmentToken("us", 6, 8, 1, false),
                new AlignmentToken(".", 8, 9, 2, false));
        List<AlignmentToken> tgt = List.of(new AlignmentToken("A", 0, 1, 0, false),
                new AlignmentToken("house", 2, 7, 1, false), new AlignmentToken(".", 7, 8, 2, false));
        float[] row = {0.7f, 0.1f, 0.1f, 0.1f, 0.1f, 0.4f, 0.4f, 0.1f, 0.05f, 0.05f, 0.1f, 0.8f};
        float[] w = new float[24];
        System.arraycopy(row, 0, w, 0, 12);
        System.arraycopy(row, 0, w, 12, 12);
        Alignment cross = new Alignment("mt", AlignmentKind.CROSS_ATTENTION, "Ein Haus.", "A house.", src, tgt, 1, 2,
                w);
        Alignment pooling = new Alignment("sst2", AlignmentKind.POOLING, "a fine film", "positive",
                List.of(new AlignmentToken("a", 0, 1, 0, false), new AlignmentToken("fine", 2, 6, 1, false),
                        new AlignmentToken("film", 7, 11, 2, false)),
                List.of(new AlignmentToken("positive", 0, 8, 0, false)), 1, 1, new float[] {0.1f, 0.7f, 0.2f});
        return List.of(cross, pooling);
    }

    @BeforeEach
    void export() throws Exception {
        try (AlignmentWriter w = new AlignmentWriter(dir.resolve("run"),
                AlignmentExporters.parse("json,pharaoh,npz,png,html,html-files", OptionalDouble.empty()))) {
            w.write("s1", alignments().get(0));
            w.write("s2", alignments().get(1));
        }
        saved = dir.resolve("run").resolve("attention.jsonl");
    }

    @Test
    void everyFormatComesOutAsTheRunWroteIt() throws Exception {
        Path out = dir.resolve("again");
        CliRun run = CliRun.of("align", "render", saved.toString(), "--format", "json,pharaoh,npz,png,html,html-files",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("rendered 2 alignment(s)"), run.err());
        for (String file : List.of("attention.jsonl", "alignment.pharaoh", "alignment.ids", "attention.html", "s1.npz",
                "s2.npz", "s1.png", "s2.png", "s1.html", "s2.html")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("run").resolve(file)),
                    Files.readAllBytes(out.resolve(file)),
                    file + " is the same bytes as the run's");
        }
    }

    @Test
    void idsPickRecords() throws Exception {
        Path out = dir.resolve("one");
        CliRun run = CliRun.of("align", "render", saved.toString(), "--format", "png,pharaoh", "--out", out.toString(),
                "--ids", "s2");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("s2"), Files.readAllLines(out.resolve("alignment.ids")));
        assertEquals(List.of("1-0"), Files.readAllLines(out.resolve("alignment.pharaoh")), "'fine' decides");
        assertTrue(Files.exists(out.resolve("s2.png")));
        assertFalse(Files.exists(out.resolve("s1.png")));
    }

    @Test
    void aLineThatIsNotAnAlignmentAndAMissingIdAreNamedAndTheRestIsRendered() throws Exception {
        Path mixed = dir.resolve("mixed.jsonl");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(saved));
        lines.add(1, "{\"schema\": \"something/else\"}");
        lines.add(2, "{not json");
        Files.write(mixed, lines);
        CliRun run = CliRun.of("align", "render", mixed.toString(), "--format", "html", "--out",
                dir.resolve("mixed").toString(), "--ids", "s1,s2,nope");
        assertEquals(ExitCodes.RECORDS_FAILED, run.exitCode(), run.err());
        assertTrue(run.err().contains("line 2: not an alignment") && run.err().contains("line 3: not an alignment"),
                run.err());
        assertTrue(run.err().contains("no alignment with id 'nope'"), run.err());
        String html = Files.readString(dir.resolve("mixed").resolve("attention.html"));
        assertEquals(2, html.split("class=\"heed-record\"", -1).length - 1);
    }

    @Test
    void anUnknownFormatIsAUsageErrorAndAMissingFileAnIoError() {
        CliRun bad = CliRun.of("align", "render", saved.toString(), "--format", "svg", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("pharaoh"), bad.err());
        CliRun missing = CliRun.of("align", "render", dir.resolve("none.jsonl").toString(), "--out", dir.toString());
        assertEquals(ExitCodes.IO, missing.exitCode(), missing.err());
    }
}
