package dev.heed.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlignmentWriterTest {

    @TempDir
    Path dir;

    @Test
    void lineFormatsShareAFileFileFormatsGetOneEachNamedSafely() throws Exception {
        try (AlignmentWriter writer = new AlignmentWriter(dir, AlignmentExporters.parse("json,pharaoh,npz,png,html,html-files",
                OptionalDouble.empty()))) {
            writer.write("1", AlignmentFixtures.cross());
            writer.write("../etc/passwd", AlignmentFixtures.pooling());
            writer.write("../etc/passwd", AlignmentFixtures.pooling());
        }
        assertEquals(List.of("1", "../etc/passwd", "../etc/passwd"), Files.readAllLines(dir.resolve(AlignmentWriter.IDS)));
        assertEquals(3, Files.readAllLines(dir.resolve("attention.jsonl")).size());
        assertEquals(List.of("0-0 1-1 2-2", "1-0", "1-0"), Files.readAllLines(dir.resolve("alignment.pharaoh")));
        String run = Files.readString(dir.resolve("attention.html"));
        assertEquals(3, run.split("class=\"heed-record\"", -1).length - 1, "one viewer holds the run's three records");
        assertTrue(run.startsWith("<!DOCTYPE html>") && run.endsWith("</html>\n"));
        for (String ext : List.of("npz", "png", "html")) {
            assertTrue(Files.size(dir.resolve("1." + ext)) > 0);
            assertTrue(Files.exists(dir.resolve(".._etc_passwd." + ext)) || Files.exists(dir.resolve("_.._etc_passwd." + ext)),
                    "a path in an id stays inside the folder");
        }
        assertTrue(Files.exists(dir.resolve("_.._etc_passwd-2.html")), "a repeated id gets its own file");
        assertTrue(Files.notExists(dir.getParent().resolve("etc")));
    }

    @Test
    void noFormatIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> new AlignmentWriter(dir, List.of()));
    }

    @Test
    void aResumedWriterCutsTheSharedFilesBackToTheCheckpointAndKeepsTheNamesTaken() throws Exception {
        var formats = AlignmentExporters.parse("json,html,png", OptionalDouble.empty());
        java.util.Map<String, Long> checkpoint;
        try (AlignmentWriter writer = new AlignmentWriter(dir, formats)) {
            writer.write("a", AlignmentFixtures.cross());
            checkpoint = writer.checkpoint();
            writer.write("a", AlignmentFixtures.pooling());             // after the checkpoint: cut away
        }
        assertEquals(java.util.Set.of("alignment.ids", "attention.jsonl", "attention.html"), checkpoint.keySet());
        try (AlignmentWriter resumed = AlignmentWriter.forResume(dir, formats)) {
            resumed.resumeFrom(checkpoint);
            resumed.write("a", AlignmentFixtures.pooling());
        }
        assertEquals(List.of("a", "a"), Files.readAllLines(dir.resolve(AlignmentWriter.IDS)));
        assertEquals(2, Files.readAllLines(dir.resolve("attention.jsonl")).size());
        assertTrue(Files.exists(dir.resolve("a-2.png")), "the second 'a' is a-2 again, as in the first run");
        assertTrue(Files.readString(dir.resolve("attention.html")).endsWith("</html>\n"));

        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> AlignmentWriter
                .forResume(dir, AlignmentExporters.parse("json", OptionalDouble.empty())).resumeFrom(checkpoint));
        assertTrue(other.getMessage().contains("same --attention-format"), other.getMessage());
        assertThrows(IllegalStateException.class, () -> {
            try (AlignmentWriter fresh = new AlignmentWriter(dir.resolve("x"), formats)) {
                fresh.resumeFrom(checkpoint);
            }
        });
    }
}
