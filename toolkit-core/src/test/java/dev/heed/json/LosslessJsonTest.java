package dev.heed.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.alignment.Alignment;
import dev.heed.alignment.AlignmentJson;
import dev.heed.alignment.AlignmentKind;
import dev.heed.alignment.AlignmentToken;
import dev.heed.alignment.HtmlExporter;
import dev.heed.batch.BatchOptions;
import dev.heed.batch.BatchRunner;
import dev.heed.batch.Destination;
import dev.heed.batch.Prediction;
import dev.heed.batch.Predictor;
import dev.heed.batch.ProgressReporter;
import dev.heed.batch.ResumeJournal;
import dev.heed.io.ReaderOptions;
import dev.heed.io.Record;
import dev.heed.io.RecordFormat;
import dev.heed.io.RecordReader;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every JSON writer gives back exactly the Java strings it was given: output and errors files (through the
 * batch runner), the progress journal, alignment JSON and the HTML viewer's data, over random strings with
 * unpaired surrogates, astral characters and control characters. The files are valid UTF-8.
 */
class LosslessJsonTest {

    /** Writes the test's own inputs with every non-ASCII character escaped, independently of HeedJson. */
    private static final ObjectMapper ASCII = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    @TempDir
    Path dir;

    static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    static List<JsonNode> jsonLines(Path file) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : strictUtf8(Files.readAllBytes(file)).split("\n")) {
            lines.add(HeedJson.COMPACT.readTree(line));
        }
        return lines;
    }

    @Test
    void aCutEmojiComesBackAsItWentIn() throws Exception {
        String cut = "cut emoji \ud83d here";
        byte[] line = HeedJson.COMPACT.writeValueAsBytes(JsonNodeFactory.instance.objectNode().put("text", cut));
        assertEquals(cut, HeedJson.COMPACT.readTree(strictUtf8(line)).get("text").asText());
        assertEquals("{\"text\":\"cut emoji \\uD83D here\"}", strictUtf8(line), "the lone surrogate as an escape");
        String whole = "thumbs \ud83d\udc4d up";
        assertEquals("{\"text\":\"" + whole + "\"}", strictUtf8(HeedJson.COMPACT.writeValueAsBytes(
                JsonNodeFactory.instance.objectNode().put("text", whole))), "a whole emoji stays readable UTF-8");
    }

    @Test
    void outputsErrorsAndTheProgressJournalRoundTripAnyString() throws Exception {
        Random r = new Random(13);
        int n = 3_000;
        List<ObjectNode> inputs = new ArrayList<>();
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < n; i++) {
            ObjectNode in = JsonNodeFactory.instance.objectNode().put("id", RandomStrings.next(r, 12))
                    .put("text", "t" + RandomStrings.next(r, 40)).put(RandomStrings.next(r, 6) + "k",
                            RandomStrings.next(r, 20));
            inputs.add(in);
            jsonl.append(ASCII.writeValueAsString(in)).append('\n');
        }
        Path input = dir.resolve("in.jsonl");
        Files.writeString(input, jsonl);
        Path out = dir.resolve("out.jsonl");
        Path errors = dir.resolve("out.errors.jsonl");
        String inputName = RandomStrings.next(r, 30);
        Predictor echo = new Predictor() {
            @Override
            public List<Prediction> predict(List<Record> batch) {
                return batch.stream().map(rec -> rec.line() % 3 == 0
                        ? Prediction.failed("prediction_failed", "rejected " + rec.text())
                        : Prediction.ok(JsonNodeFactory.instance.objectNode().put("echo", rec.text()))).toList();
            }

            @Override
            public void close() {
            }
        };
        try (RecordReader reader = RecordReader.open(input, ReaderOptions.of(RecordFormat.JSONL))) {
            new BatchRunner(new BatchOptions(32, 1, 4, false)).run(reader, inputName, Destination.file(out),
                    Destination.file(errors), () -> echo, ProgressReporter.silent());
        }
        List<JsonNode> written = jsonLines(out);
        List<JsonNode> failed = jsonLines(errors);
        assertEquals(n, written.size() + failed.size());
        int w = 0;
        int f = 0;
        for (int i = 0; i < n; i++) {
            ObjectNode in = inputs.get(i);
            if ((i + 1) % 3 == 0) {
                JsonNode e = failed.get(f++);
                assertEquals(in.get("id").asText(), e.get("id").asText(), "errors file, line " + (i + 1));
                assertEquals("rejected " + in.get("text").asText(), e.get("reason").asText());
            } else {
                JsonNode o = written.get(w++);
                for (var field : in.properties()) {
                    assertEquals(field.getValue(), o.get(field.getKey()), "output, line " + (i + 1));
                }
                assertEquals(in.get("text").asText(), o.get("echo").asText(), "output, line " + (i + 1));
            }
        }
        ResumeJournal journal = ResumeJournal.read(out).orElseThrow();
        assertEquals(inputName, journal.input(), "progress journal");
        assertTrue(journal.complete());
    }

    private static Alignment randomAlignment(Random r) {
        String source = RandomStrings.next(r, 30);
        String target = RandomStrings.next(r, 10);
        List<AlignmentToken> src = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(4); i++) {
            src.add(new AlignmentToken(RandomStrings.next(r, 8), 0, source.length(), i, false));
        }
        List<AlignmentToken> tgt = List.of(AlignmentToken.special(RandomStrings.next(r, 8), 0));
        float[] weights = new float[src.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = r.nextFloat();
        }
        return new Alignment(RandomStrings.next(r, 8), AlignmentKind.POOLING, source, target, src, tgt, 1, 1, weights);
    }

    @Test
    void alignmentJsonRoundTripsAnyString() throws Exception {
        Random r = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            Alignment a = randomAlignment(r);
            String id = RandomStrings.next(r, 10);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new AlignmentJson().write(a, id, bytes);
            JsonNode json = HeedJson.COMPACT.readTree(strictUtf8(bytes.toByteArray()));
            assertEquals(a, AlignmentJson.fromJson(json), "alignment " + i);
            assertEquals(id, json.get("id").asText());
        }
    }

    @Test
    void theViewersDataRoundTripsAnyString() throws Exception {
        Random r = new Random(11);
        Pattern data = Pattern.compile("<script type=\"application/json\" class=\"heed-record\"[^>]*>(.*?)</script>",
                Pattern.DOTALL);
        for (int i = 0; i < 300; i++) {
            Alignment a = randomAlignment(r);
            String id = RandomStrings.next(r, 10);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new HtmlExporter().write(a, id, bytes);
            Matcher m = data.matcher(strictUtf8(bytes.toByteArray()));
            assertTrue(m.find(), "the data block");
            JsonNode json = HeedJson.COMPACT.readTree(m.group(1));
            assertEquals(id, json.get("id").asText(), "page " + i);
            assertEquals(a.model(), json.get("model").asText());
            assertEquals(a.source(), json.get("source").get("text").asText());
            assertEquals(a.target(), json.get("target").get("text").asText());
            for (int t = 0; t < a.sourceTokens().size(); t++) {
                assertEquals(a.sourceTokens().get(t).text(), json.get("source").get("tokens").get(t).get("text").asText());
            }
        }
    }
}
