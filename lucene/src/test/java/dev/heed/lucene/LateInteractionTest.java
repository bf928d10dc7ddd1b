package dev.heed.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heed.alignment.Alignment;
import dev.heed.alignment.AlignmentJson;
import dev.heed.alignment.AlignmentKind;
import dev.heed.alignment.AlignmentToken;
import dev.heed.alignment.HtmlExporter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Late-interaction word alignments from all-MiniLM-L6-v2's token states, exported as heed.alignment/2. */
class LateInteractionTest {

    @TempDir
    static Path dir;
    static LateInteraction late;

    @BeforeAll
    static void load() throws Exception {
        System.setProperty("heed.home", dir.resolve("home").toString());
        late = LateInteraction.load("all-minilm-l6-v2");
    }

    @AfterAll
    static void close() {
        late.close();
    }

    @Test
    void eachQueryWordFindsItsDocumentWord() {
        String query = "Do statins reduce cholesterol?";
        String doc = "In adults, statins lowered LDL cholesterol by a third.";
        LateInteraction.Result r = late.align(query, doc);
        Alignment a = r.alignment();
        assertEquals(AlignmentKind.LATE_INTERACTION, a.kind());
        assertEquals(doc, a.source());
        assertEquals(query, a.target());
        for (AlignmentToken t : a.sourceTokens()) {
            assertEquals(t.text(), doc.substring(t.start(), t.end()), "document spans are exact");
        }
        for (AlignmentToken t : a.targetTokens()) {
            assertEquals(t.text(), query.substring(t.start(), t.end()), "query spans are exact");
        }
        assertEquals(5, a.rows(), "Do statins reduce cholesterol ?");
        assertEquals("statins", best(a, 1));
        assertEquals("cholesterol", best(a, 3));
        assertTrue(r.maxSim() > 0.3 && r.maxSim() < 1, "MaxSim " + r.maxSim());
    }

    private static String best(Alignment a, int row) {
        int bestCol = 0;
        for (int s = 1; s < a.columns(); s++) {
            if (a.weight(0, 0, row, s) > a.weight(0, 0, row, bestCol)) {
                bestCol = s;
            }
        }
        return a.sourceTokens().get(bestCol).text();
    }

    @Test
    void aTextAgainstItselfIsTheDiagonal() {
        String text = "The rover collected rock samples on Mars.";
        LateInteraction.Result r = late.align(text, text);
        assertEquals(1.0, r.maxSim(), 1e-5);
        for (int i = 0; i < r.alignment().rows(); i++) {
            assertEquals(1.0, r.alignment().weight(0, 0, i, i), 1e-5);
        }
    }

    @Test
    void exportsAsAVersionTwoAlignmentTheViewerShows() throws Exception {
        Alignment a = late.align("red planet", "The rover landed on Mars.").alignment();
        var json = AlignmentJson.toJson(a, "q1/mars");
        assertEquals("heed.alignment/2", json.get("schema").asText());
        assertEquals("late-interaction", json.get("kind").asText());
        assertEquals(a, AlignmentJson.fromJson(json));
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        new HtmlExporter().write(a, "q1/mars", html);
        String page = html.toString(StandardCharsets.UTF_8);
        assertTrue(page.contains("late-interaction") && page.contains("The rover landed on Mars."));
    }

    @Test
    void textsWithoutWordsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> late.align("   ", "a document"));
        assertTrue(e.getMessage().contains("query has no words"), e.getMessage());
    }
}
