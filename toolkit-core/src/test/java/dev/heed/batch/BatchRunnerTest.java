package dev.heed.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.json.HeedJson;
import dev.heed.io.ReaderOptions;
import dev.heed.io.RecordFormat;
import dev.heed.io.RecordReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRunnerTest {

    @TempDir
    Path dir;

    static List<JsonNode> jsonLines(byte[] bytes) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(HeedJson.COMPACT.readTree(line));
            }
        }
        return lines;
    }

    private RunSummary run(String input, BatchOptions options, ByteArrayOutputStream out, ByteArrayOutputStream err,
            List<UpperCasePredictor> made) throws Exception {
        try (RecordReader reader = RecordReader.open(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), ReaderOptions.of(RecordFormat.TEXT))) {
            return new BatchRunner(options).run(reader, "-", Destination.stream(out, "stdout"),
                    Destination.stream(err, "stderr"), () -> {
                        UpperCasePredictor p = new UpperCasePredictor(0);
                        made.add(p);
                        return p;
                    }, ProgressReporter.silent());
        }
    }

    @Test
    void outputKeepsInputOrderThoughBatchesAreSortedByLength() throws Exception {
        Random random = new Random(3);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            lines.add("w".repeat(1 + random.nextInt(60)) + " " + i);
        }
        UpperCasePredictor.BATCH_LENGTHS.clear();
        UpperCasePredictor.THREADS.clear();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<UpperCasePredictor> made = new ArrayList<>();
        RunSummary summary = run(String.join("\n", lines), new BatchOptions(16, 2, 8, false), out,
                new ByteArrayOutputStream(), made);
        assertFalse(UpperCasePredictor.THREADS.contains(Thread.currentThread()), "two threads: workers predict");
        List<JsonNode> output = jsonLines(out.toByteArray());
        assertEquals(500, output.size());
        for (int i = 0; i < 500; i++) {
            assertEquals(String.valueOf(i + 1), output.get(i).get("id").asText());
            assertEquals(lines.get(i).toUpperCase(), output.get(i).get("upper").asText());
        }
        assertEquals(new RunSummary(500, 500, 0, 0, 0, 500, 0, summary.seconds(), java.util.Set.of()), summary);
        for (List<Integer> batch : UpperCasePredictor.BATCH_LENGTHS) {
            for (int k = 1; k < batch.size(); k++) {
                assertTrue(batch.get(k - 1) <= batch.get(k), "batch not sorted by length: " + batch);
            }
        }
        assertEquals(2, made.size(), "one predictor per thread");
        assertTrue(made.stream().allMatch(p -> p.closed), "predictors are closed");
    }

    @Test
    void aWindowTooSmallToKeepEveryWorkerBusyIsSharedOutInSmallerBatches() throws Exception {
        assertEquals(64, BatchRunner.batchSizeFor(1024, 64, 2), "a full window keeps --batch-size");
        assertEquals(25, BatchRunner.batchSizeFor(200, 64, 2), "200 records, 2 workers: 8 batches of 25");
        assertEquals(4, BatchRunner.batchSizeFor(200, 4, 2), "never larger than --batch-size");
        assertEquals(1, BatchRunner.batchSizeFor(3, 64, 2));
        assertEquals(64, BatchRunner.batchSizeFor(200, 64, 1), "one worker: --batch-size as given");

        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add("x".repeat(1 + i % 7) + " " + i);
        }
        UpperCasePredictor.BATCH_LENGTHS.clear();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunSummary summary = run(String.join("\n", lines), new BatchOptions(64, 2, 16, false), out,
                new ByteArrayOutputStream(), new ArrayList<>());
        assertEquals(40, summary.written());
        assertEquals(8, UpperCasePredictor.BATCH_LENGTHS.size(), "40 records, 2 workers: 8 batches of 5");
        assertTrue(UpperCasePredictor.BATCH_LENGTHS.stream().allMatch(b -> b.size() == 5),
                UpperCasePredictor.BATCH_LENGTHS.toString());
        List<JsonNode> output = jsonLines(out.toByteArray());
        for (int i = 0; i < 40; i++) {
            assertEquals(lines.get(i).toUpperCase(), output.get(i).get("upper").asText(), "in input order");
        }
    }

    @Test
    void oneThreadPredictsOnTheCallingThreadTheOneThatMadeThePredictor() throws Exception {
        UpperCasePredictor.THREADS.clear();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<UpperCasePredictor> made = new ArrayList<>();
        RunSummary summary = run("b\naa\nc THROW\nd", new BatchOptions(2, 1, 2, false), out, new ByteArrayOutputStream(),
                made);
        assertEquals(java.util.Set.of(Thread.currentThread()), UpperCasePredictor.THREADS);
        assertEquals(3, summary.written());
        assertEquals(1, summary.failed(), "a failing batch is still retried one record at a time");
        assertEquals(List.of("B", "AA", "D"), jsonLines(out.toByteArray()).stream().map(n -> n.get("upper").asText())
                .toList());
        assertEquals(1, made.size());
        assertTrue(made.get(0).closed);
    }

    @Test
    void badRecordsGoToTheErrorsWithTheirLineAndReasonAndTheRestIsWritten() throws Exception {
        String input = String.join("\n", "one", "", "two THROW", "three", "reject me", "four");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunSummary summary = run(input, new BatchOptions(8, 1, 1, false), out, err, new ArrayList<>());
        List<String> written = jsonLines(out.toByteArray()).stream().map(n -> n.get("upper").asText()).toList();
        assertEquals(List.of("ONE", "THREE", "FOUR"), written, "the THROW batch's other records survive");
        List<JsonNode> errors = jsonLines(err.toByteArray());
        assertEquals(List.of(2L, 3L, 5L), errors.stream().map(n -> n.get("line").asLong()).toList());
        assertEquals(List.of("empty_text", "prediction_failed", "too_long"),
                errors.stream().map(n -> n.get("kind").asText()).toList());
        assertTrue(errors.get(1).get("reason").asText().contains("cannot handle THROW"));
        assertEquals(6, summary.read());
        assertEquals(3, summary.failed());
        assertFalse(summary.allWritten());
    }

    @Test
    void resumeRefusesStreamsAndOutputsWithoutProgressFile() throws Exception {
        Path input = dir.resolve("in.txt");
        Files.writeString(input, "a\nb\n");
        Path output = dir.resolve("out.jsonl");
        Files.writeString(output, "{\"id\":\"1\"}\n");
        BatchRunner runner = new BatchRunner(BatchOptions.defaults().withResume(true));
        try (RecordReader reader = RecordReader.open(input, ReaderOptions.of(RecordFormat.TEXT))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> runner.run(reader, input.toString(), Destination.file(output),
                            Destination.file(dir.resolve("err.jsonl")), () -> new UpperCasePredictor(0),
                            ProgressReporter.silent()));
            assertTrue(e.getMessage().contains("no progress file"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> runner.run(reader, "-",
                    Destination.stream(new ByteArrayOutputStream(), "stdout"), Destination.file(dir.resolve("e")),
                    () -> new UpperCasePredictor(0), ProgressReporter.silent()));
            assertTrue(e.getMessage().contains("--output FILE"), e.getMessage());
        }
    }

    @Test
    void aFinishedRunResumesToNothingAndAnEmptyErrorsFileIsRemoved() throws Exception {
        Path input = dir.resolve("in.txt");
        Files.writeString(input, "a\nb\nc\n");
        Path output = dir.resolve("out.jsonl");
        Path errors = dir.resolve("err.jsonl");
        for (boolean resume : new boolean[] {false, true}) {
            try (RecordReader reader = RecordReader.open(input, ReaderOptions.of(RecordFormat.TEXT))) {
                RunSummary s = new BatchRunner(BatchOptions.defaults().withResume(resume)).run(reader,
                        input.toString(), Destination.file(output), Destination.file(errors),
                        () -> new UpperCasePredictor(0), ProgressReporter.silent());
                assertEquals(resume ? 0 : 3, s.read());
                assertEquals(3, s.totalWritten());
            }
        }
        assertEquals(3, Files.readAllLines(output).size());
        assertFalse(Files.exists(errors));
    }

    /** Predicts {"label":"positive","score":0.8} for every record; rejects texts holding "reject". */
    static final class LabelPredictor implements Predictor {
        @Override
        public List<Prediction> predict(List<dev.heed.io.Record> batch) {
            return batch.stream().map(r -> r.text().contains("reject")
                    ? Prediction.failed("too_long", "rejected")
                    : Prediction.ok(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                            .put("label", "positive").put("score", 0.8))).toList();
        }

        @Override
        public void close() {
        }
    }

    private RunSummary runLabels(String input, ReaderOptions options, Path out, Path err) throws Exception {
        try (RecordReader reader = RecordReader.open(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), options)) {
            return new BatchRunner(BatchOptions.defaults()).run(reader, "-", Destination.file(out),
                    Destination.file(err), LabelPredictor::new, ProgressReporter.silent());
        }
    }

    @Test
    void everyInputFieldIsKeptAndAPredictionWhoseNameIsTakenGoesUnderPredicted() throws Exception {
        String input = String.join("\n",
                "{\"id\":\"g1\",\"text\":\"it is a charming and often affecting journey .\",\"label\":\"negative\",\"score\":5}",
                "{\"text\":\"no id\",\"label\":\"gold\",\"predicted_label\":\"mine\"}",
                "{\"id\":7,\"text\":\"a number id\",\"probs\":[1]}");
        Path out = dir.resolve("labels.jsonl");
        RunSummary summary = runLabels(input, ReaderOptions.of(RecordFormat.JSONL), out, dir.resolve("e.jsonl"));
        List<JsonNode> lines = jsonLines(Files.readAllBytes(out));
        JsonNode gold = lines.get(0);
        assertEquals("g1", gold.get("id").asText());
        assertEquals("negative", gold.get("label").asText(), "the gold label is kept");
        assertEquals(5, gold.get("score").asInt(), "the input's score is kept");
        assertEquals("positive", gold.get("predicted_label").asText());
        assertEquals(0.8, gold.get("predicted_score").asDouble());
        assertEquals(List.of("id", "text", "label", "score", "predicted_label", "predicted_score"),
                fieldNames(gold), "input fields first, in their order, then the predictions");
        JsonNode twice = lines.get(1);
        assertEquals("2", twice.get("id").asText(), "no id field: the line number");
        assertEquals("gold", twice.get("label").asText());
        assertEquals("mine", twice.get("predicted_label").asText());
        assertEquals("positive", twice.get("predicted_predicted_label").asText(), "prefixed until the name is free");
        JsonNode number = lines.get(2);
        assertTrue(number.get("id").isNumber(), "an id is kept as the input had it: " + number);
        assertEquals("positive", number.get("label").asText(), "no clash: the prediction's own name");
        assertEquals("[1]", number.get("probs").toString());
        assertEquals(java.util.Set.of("label", "score"), summary.renamedFields(),
                "the fields whose predictions were renamed, for the run's summary");
    }

    @Test
    void aLabelledTsvKeepsItsGoldLabelAndItsIdColumnIsTheRecordsId() throws Exception {
        String input = "sentence\tlabel\n"
                + "it is a charming and often affecting journey . \t1\n"
                + "reject this one\t0\n";
        Path out = dir.resolve("sst2.jsonl");
        Path err = dir.resolve("sst2.errors.jsonl");
        runLabels(input, new ReaderOptions(RecordFormat.TSV, "sentence", java.util.Optional.empty(), 1 << 20), out, err);
        JsonNode line = jsonLines(Files.readAllBytes(out)).get(0);
        assertEquals("1", line.get("label").asText(), "the gold label");
        assertEquals("positive", line.get("predicted_label").asText());

        String withIds = "id\ttext\tlabel\nr-17\tfine\t1\nr-18\treject\t0\n";
        runLabels(withIds, ReaderOptions.of(RecordFormat.TSV), out, err);
        assertEquals("r-17", jsonLines(Files.readAllBytes(out)).get(0).get("id").asText());
        assertEquals("r-18", jsonLines(Files.readAllBytes(err)).get(0).get("id").asText(),
                "the errors file names the record by the same id as the output");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A stream that fails as a full disk does. */
    static final class FullDisk extends java.io.OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    @Test
    void aFailedWriteNamesTheFileItWasWriting() throws Exception {
        Path input = dir.resolve("in.txt");
        Files.writeString(input, "a\nb\nreject me\n");
        for (String role : List.of("output", "errors")) {
            try (RecordReader reader = RecordReader.open(input, ReaderOptions.of(RecordFormat.TEXT))) {
                Destination full = Destination.stream(new FullDisk(), "/mnt/full/" + role + ".jsonl");
                Destination fine = Destination.stream(new ByteArrayOutputStream(), "fine");
                IOException e = assertThrows(IOException.class, () -> new BatchRunner(BatchOptions.defaults()).run(
                        reader, input.toString(), role.equals("output") ? full : fine,
                        role.equals("output") ? fine : full, () -> new UpperCasePredictor(0),
                        ProgressReporter.silent()));
                assertTrue(e.getMessage().contains("/mnt/full/" + role + ".jsonl"), e.getMessage());
                assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
            }
        }
    }

    @Test
    void anOutputThatCannotBeOpenedIsNamedAsTheOutput() throws Exception {
        Path input = dir.resolve("in.txt");
        Files.writeString(input, "a\n");
        Path directory = Files.createDirectories(dir.resolve("a-directory"));
        try (RecordReader reader = RecordReader.open(input, ReaderOptions.of(RecordFormat.TEXT))) {
            IOException e = assertThrows(IOException.class, () -> new BatchRunner(BatchOptions.defaults()).run(
                    reader, input.toString(), Destination.file(directory), Destination.file(dir.resolve("e.jsonl")),
                    () -> new UpperCasePredictor(0), ProgressReporter.silent()));
            assertTrue(e.getMessage().contains("output file " + directory), e.getMessage());
        }
    }

    @Test
    void recordsCutToFitAreCountedInTheSummary() throws Exception {
        Predictor cutting = new Predictor() {
            @Override
            public List<Prediction> predict(List<dev.heed.io.Record> batch) {
                return batch.stream().map(r -> Prediction.ok(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                        .objectNode().put("n", r.text().length()), java.util.Optional.empty(), r.text().length() > 5))
                        .toList();
            }

            @Override
            public void close() {
            }
        };
        try (RecordReader reader = RecordReader.open(new ByteArrayInputStream(
                "short\na longer one\n\nand another long one\n".getBytes(StandardCharsets.UTF_8)),
                ReaderOptions.of(RecordFormat.TEXT))) {
            RunSummary summary = new BatchRunner(BatchOptions.defaults()).run(reader, "-",
                    Destination.stream(new ByteArrayOutputStream(), "out"),
                    Destination.stream(new ByteArrayOutputStream(), "err"), () -> cutting, ProgressReporter.silent());
            assertEquals(2, summary.truncated());
            assertTrue(summary.describe().startsWith("read 4, written 3, failed 1, truncated 2"), summary.describe());
        }
    }
}
