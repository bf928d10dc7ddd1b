package dev.heed.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a real run part way (SIGKILL) and shows that --resume completes it exactly. */
class KillAndResumeTest {

    @TempDir
    Path dir;

    private static Process start(Path input, Path output, Path errors, boolean resume, long sleepMillis,
            Path... attention) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                ResumeFixtureMain.class.getName(), input.toString(), output.toString(), errors.toString(),
                Boolean.toString(resume), Long.toString(sleepMillis)));
        for (Path a : attention) {
            command.add(a.toString());
        }
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(input.resolveSibling("process-" + resume + ".log").toFile()).start();
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
    }

    @Test
    void resumedOutputEqualsAnUninterruptedRun() throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (int i = 1; i <= 3000; i++) {
            if (i % 97 == 0) {
                input.writeBytes(new byte[] {'b', 'a', 'd', (byte) 0xFF, '\n'});
            } else if (i % 89 == 0) {
                input.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
            } else {
                input.writeBytes(("record number " + i + " " + "x".repeat(i % 37) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Path in = dir.resolve("input.txt");
        Files.write(in, input.toByteArray());

        Path refOut = dir.resolve("ref.jsonl");
        Path refErr = dir.resolve("ref.errors.jsonl");
        Process reference = start(in, refOut, refErr, false, 0);
        assertTrue(reference.waitFor(60, TimeUnit.SECONDS), "reference run finished");
        assertEquals(0, reference.exitValue());

        Path out = dir.resolve("out.jsonl");
        Path err = dir.resolve("out.errors.jsonl");
        Process victim = start(in, out, err, false, 10);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines(out) < 600 && victim.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(victim.isAlive(), "the run must still be going when it is killed");
        victim.destroyForcibly();
        assertTrue(victim.waitFor(30, TimeUnit.SECONDS));
        long before = lines(out);
        assertTrue(before >= 600 && before < lines(refOut), "killed part way: " + before + " lines");
        assertFalse(ResumeJournal.read(out).orElseThrow().complete());

        Process resumed = start(in, out, err, true, 0);
        assertTrue(resumed.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, resumed.exitValue());

        assertArrayEquals(Files.readAllBytes(refOut), Files.readAllBytes(out), "output equals uninterrupted run");
        assertArrayEquals(Files.readAllBytes(refErr), Files.readAllBytes(err), "errors equal uninterrupted run");
        assertEquals(3000 - 30 - 33, lines(out), "every good record once: 30 invalid UTF-8, 33 empty lines");
        assertTrue(ResumeJournal.read(out).orElseThrow().complete());
    }

    @Test
    void aKilledRunThatExportsAttentionResumesToTheSameFiles() throws Exception {
        StringBuilder input = new StringBuilder();
        for (int i = 1; i <= 3000; i++) {
            input.append(i % 89 == 0 ? "" : "record number " + i + " " + "x".repeat(i % 37)).append('\n');
        }
        Path in = dir.resolve("input.txt");
        Files.writeString(in, input);
        Path refAttention = dir.resolve("ref-attention");
        Process reference = start(in, dir.resolve("ref.jsonl"), dir.resolve("ref.errors.jsonl"), false, 0,
                refAttention);
        assertTrue(reference.waitFor(120, TimeUnit.SECONDS), "reference run finished");

        Path out = dir.resolve("out.jsonl");
        Path attention = dir.resolve("attention");
        Process victim = start(in, out, dir.resolve("out.errors.jsonl"), false, 10, attention);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines(out) < 600 && victim.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(victim.isAlive(), "the run must still be going when it is killed");
        victim.destroyForcibly();
        assertTrue(victim.waitFor(30, TimeUnit.SECONDS));
        long idsBefore = lines(attention.resolve("alignment.ids"));
        assertTrue(idsBefore > 0 && idsBefore < 3000 - 33, "killed part way: " + idsBefore + " alignments");
        assertFalse(new String(Files.readAllBytes(attention.resolve("attention.html")), StandardCharsets.UTF_8)
                .endsWith("</html>\n"), "the killed run's viewer has no footer yet");

        Process resumed = start(in, out, dir.resolve("out.errors.jsonl"), true, 0, attention);
        assertTrue(resumed.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, resumed.exitValue(), Files.readString(dir.resolve("process-true.log")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("ref.jsonl")), Files.readAllBytes(out));
        List<String> files;
        try (var list = Files.list(refAttention)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (var list = Files.list(attention)) {
            List<String> resumedFiles = list.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(resumedFiles.equals(files), "the same files; only in the resumed run: " + resumedFiles.stream()
                    .filter(f -> !files.contains(f)).limit(5).toList() + ", missing: " + files.stream()
                    .filter(f -> !resumedFiles.contains(f)).limit(5).toList());
        }
        assertEquals(3000 - 33, lines(attention.resolve("alignment.ids")), "an alignment per good record, once");
        for (String file : files) {
            assertArrayEquals(Files.readAllBytes(refAttention.resolve(file)),
                    Files.readAllBytes(attention.resolve(file)),
                    file + " equals the uninterrupted run's");
        }
    }
}
