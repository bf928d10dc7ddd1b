package dev.heed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.json.HeedJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped translation model on what people paste (issue 13's report): a sentence in capitals gave
 * {@code Ein MANAAAINIIINEEEEEEE...}, and a URL and a time were lost. Now the capitals come back as a
 * translation in capitals without a loop, the spans come through verbatim, and the alignment still points at
 * the user's characters.
 */
class TranslatePastedTextTest {

    static final Pattern LOOP = Pattern.compile("(.)\\1{3,}|(..+?)\\2{3,}");

    @TempDir
    Path dir;

    @Test
    void capitalsUrlsAndTimesComeThroughAndTheAlignmentStillPointsAtTheInput() throws Exception {
        Path in = dir.resolve("pasted.jsonl");
        String shouted = "A MAN IS RIDING A BICYCLE DOWN THE STREET.";
        String spans = "The photos are at https://example.org/gallery/2024 and the bus leaves at 10:45.";
        Files.writeString(in, "{\"id\":\"caps\",\"text\":\"" + shouted + "\"}\n{\"id\":\"spans\",\"text\":\"" + spans
                + "\"}\n");
        Path out = dir.resolve("out.jsonl");
        Path attention = dir.resolve("attention");
        CliRun run = CliRun.of("translate", "-i", in.toString(), "-o", out.toString(), "--attention-out",
                attention.toString(), "--attention-format", "json");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out);
        String caps = HeedJson.COMPACT.readTree(lines.get(0)).get("translation").asText();
        assertFalse(LOOP.matcher(caps).find(), "a loop: " + caps);
        assertTrue(caps.startsWith("EIN MANN"), caps);
        assertTrue(caps.chars().filter(c -> c != 'ß').noneMatch(Character::isLowerCase), "all in capitals: " + caps);
        String german = HeedJson.COMPACT.readTree(lines.get(1)).get("translation").asText();
        assertTrue(german.contains("https://example.org/gallery/2024"), german);
        assertTrue(german.contains("10:45"), german);
        List<String> alignments = Files.readAllLines(attention.resolve("attention.jsonl"));
        for (String line : alignments) {
            JsonNode a = HeedJson.COMPACT.readTree(line);
            for (String side : new String[] {"source", "target"}) {
                String text = a.get(side).get("text").asText();
                for (JsonNode token : a.get(side).get("tokens")) {
                    int start = token.get("start").asInt();
                    int end = token.get("end").asInt();
                    assertTrue(0 <= start && start <= end && end <= text.length(), side + " span out of the text");
                    if (!token.get("special").asBoolean() && end > start) {
                        assertEquals(text.substring(start, end), token.get("text").asText(),
                                side + " token shows the text under its span");
                    }
                }
            }
        }
        JsonNode spanAlignment = HeedJson.COMPACT.readTree(alignments.get(1));
        assertEquals(spans, spanAlignment.get("source").get("text").asText(), "the user's text, not the placeholder");
        assertTrue(spanAlignment.get("source").get("tokens").toString().contains("https://example.org/gallery/2024"),
                "the placeholder's subwords stand for the whole URL in the alignment");
    }
}
