package dev.heed.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.json.HeedJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer page as a file: one self-contained document with its data embedded (and escaped), nothing
 * fetched. How it behaves in a browser is tested by {@code viewer-test/} in real Chromium; this test also
 * writes the pages that test opens into {@code target/viewer}.
 */
class HtmlExporterTest {

    static JsonNode embedded(String page) throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/json\" class=\"heed-record\"[^>]*>(.*?)</script>",
                Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "the data block");
        return HeedJson.COMPACT.readTree(m.group(1));
    }

    @Test
    void thePageEmbedsItsDataAndLoadsNothing() throws Exception {
        String page = HtmlExporter.page(AlignmentFixtures.cross(), "rec-1");
        JsonNode data = embedded(page);
        assertEquals("cross-attention", data.get("kind").asText());
        byte[] weights = Base64.getDecoder().decode(data.get("weights").asText());
        assertEquals(60, weights.length);
        assertEquals(Math.round(0.45f * 255), weights[((1 * 2 + 0) * 3 + 1) * 5 + 2] & 0xff);
        assertFalse(page.contains("HEED_RECORDS"));
        for (String fetch : List.of("src=\"http", "href=\"http", "@import", "url(http", "fetch(", "XMLHttpRequest")) {
            assertFalse(page.contains(fetch), "the page must not load anything: " + fetch);
        }
        assertTrue(page.contains("default-src 'none'"), "a content security policy that forbids requests");
    }

    @Test
    void aCopyingDecodersPageCarriesItsCopySharesAndTheirLegend() throws Exception {
        String page = HtmlExporter.page(AlignmentFixtures.summary(), "doc-1");
        JsonNode data = embedded(page);
        assertEquals("[0.1,0.9,0.8,0.05]", data.get("copy").toString(), "one share per target token");
        assertEquals(4, data.get("target").get("tokens").size());
        assertTrue(page.contains("id=\"copy-legend\"") && page.contains("1 − p_gen"), "the legend line");
        assertFalse(embedded(HtmlExporter.page(AlignmentFixtures.cross(), "x")).has("copy"),
                "no shares for a model that does not copy");
        String line = new String(ExporterContractTest.bytes(new HtmlRunExporter(), AlignmentFixtures.summary()),
                StandardCharsets.UTF_8);
        assertTrue(line.contains("\"copy\":[0.1,0.9,0.8,0.05]"), "the run's viewer too: " + line);
        writeForBrowserTest("summary.html", page.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void textThatLooksLikeMarkupCannotBreakOutOfTheDataBlock() throws Exception {
        String text = "</script><script>alert(1)</script> <!--";
        Alignment a = new Alignment("m", AlignmentKind.POOLING, text, "positive",
                List.of(new AlignmentToken(text, 0, text.length(), 0, false)),
                List.of(new AlignmentToken("positive", 0, 8, 0, false)), 1, 1, new float[] {1f});
        String page = HtmlExporter.page(a, "x");
        assertEquals(2, page.split("</script>", -1).length - 1, "only the page's own two script elements close");
        assertEquals(text, embedded(page).get("source").get("text").asText());
    }

    @Test
    void sixLayersOfTwelveHeadsOver128TokensStayCompact() throws Exception {
        Alignment big = AlignmentFixtures.selfAttention(6, 12, 126, 11);
        byte[] page = HtmlExporter.page(big, "big").getBytes(StandardCharsets.UTF_8);
        assertTrue(page.length < 1_700_000, "6 x 12 x 128 x 128 weights, one byte each, base64: " + page.length);
        writeForBrowserTest("self-6x12x128.html", page);
        writeForBrowserTest("cross.html", HtmlExporter.page(AlignmentFixtures.cross(), "cross")
                .getBytes(StandardCharsets.UTF_8));
        writeForBrowserTest("pooling.html", HtmlExporter.page(AlignmentFixtures.pooling(), "pooling")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fiveHundredTwelveTokensSquaredIsOneCompactPage() throws Exception {
        byte[] page = HtmlExporter.page(AlignmentFixtures.selfAttention(1, 1, 510, 12), "512")
                .getBytes(StandardCharsets.UTF_8);
        assertTrue(page.length < 460_000, "512 x 512 weights, one byte each, base64: " + page.length);
        writeForBrowserTest("self-512.html", page);
    }

    @Test
    void aRunIsOneViewerWithARecordPerLineBetweenTheHeaderAndTheFooter() throws Exception {
        HtmlRunExporter run = new HtmlRunExporter();
        Alignment a = AlignmentFixtures.cross();
        String header = new String(run.header(), StandardCharsets.UTF_8);
        String footer = new String(run.footer(), StandardCharsets.UTF_8);
        String line = new String(ExporterContractTest.bytes(run, a), StandardCharsets.UTF_8);
        assertEquals(HtmlExporter.page(a, "rec-1"), header + line + footer, "one record: the same page as html-files");
        assertEquals("attention.html", run.fileName("x"));
        assertTrue(line.contains("data-id=\"rec-1\" data-text=\"Ein Haus.&#10;A house.\""), line);
        assertFalse(footer.contains("class=\"heed-record\""), "only the code after the records");
    }

    @Test
    void tenThousandRecordsInOneViewerWrittenByTheRunWriter(@TempDir Path dir) throws Exception {
        String[] words = {"quiet", "loud", "bright", "dark", "slow", "quick", "warm", "cold", "old", "new"};
        try (AlignmentWriter writer = new AlignmentWriter(dir, AlignmentExporters.parse("html",
                java.util.OptionalDouble.empty()))) {
            for (int i = 1; i <= 10_000; i++) {
                String text = (i == 4242 ? "a zeppelin over" : "a " + words[i % 10] + " " + words[(i / 10) % 10])
                        + " film number " + i;
                writer.write("r" + i, AlignmentFixtures.poolingOver(text, i % 2 == 0 ? "positive" : "negative", i));
            }
        }
        byte[] page = Files.readAllBytes(dir.resolve("attention.html"));
        String html = new String(page, StandardCharsets.UTF_8);
        assertEquals(10_000, html.split("class=\"heed-record\"", -1).length - 1);
        assertTrue(html.endsWith("</html>\n"), "the footer closes the page");
        writeForBrowserTest("run-10000.html", page);
    }

    /** The pages the browser test opens (viewer-test/viewer.test.mjs, run by .ci/run after the build). */
    static void writeForBrowserTest(String name, byte[] page) throws Exception {
        Path dir = Path.of("target", "viewer");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), page);
    }
}
