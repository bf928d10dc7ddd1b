package dev.heed.alignment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.json.HeedJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A self-contained HTML viewer per record ({@code ID.html}) that opens from disk with no network: layer and
 * head selectors, lines between tokens weighted by attention (all heads at once, a colour each, or one), a
 * word/subword toggle, and the original text where pointing at a token highlights what it attends to and what
 * attends to it, by the tokens' character spans. Its page forbids every network request (Content Security
 * Policy {@code default-src 'none'}). The weights are stored as bytes ({@code round(255 w)}, base64): 6 layers x
 * 12 heads over 128 tokens take about 1.6 MB. Stateless.
 */
public final class HtmlExporter implements AlignmentExporter {

    /** Weights are quantized to {@code round(SCALE * w)}, one byte each. */
    public static final int SCALE = 255;
    private static final String PLACEHOLDER = "/*HEED_DATA*/";
    private static final String TEMPLATE = template();

    @Override
    public String name() {
        return "html";
    }

    @Override
    public boolean linePerRecord() {
        return false;
    }

    @Override
    public String fileName(String safeRecordId) {
        return safeRecordId + ".html";
    }

    @Override
    public void write(Alignment alignment, String recordId, OutputStream out) throws IOException {
        out.write(page(alignment, recordId).getBytes(StandardCharsets.UTF_8));
    }

    /** The viewer page of {@code a}. */
    static String page(Alignment a, String recordId) {
        ObjectNode data = HeedJson.COMPACT.createObjectNode();
        data.put("schema", Alignment.SCHEMA);
        data.put("id", recordId);
        data.put("model", a.model());
        data.put("kind", a.kind().jsonName());
        data.set("source", AlignmentJson.side(a.source(), a.sourceTokens()));
        data.set("target", AlignmentJson.side(a.target(), a.targetTokens()));
        data.put("layers", a.layers());
        data.put("heads", a.heads());
        data.put("scale", SCALE);
        data.put("weights", Base64.getEncoder().encodeToString(quantize(a.weights())));
        String json;
        try {
            // Bytes, not writeValueAsString: HeedJson writes an unpaired surrogate as an escape, which the
            // page's UTF-8 keeps (a raw one would become '?').
            json = new String(HeedJson.COMPACT.writeValueAsBytes(data), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Inside <script>, "</" could close the element and "<!--" open a comment: "<" only occurs inside
        // JSON strings, where \u003c means the same character.
        json = json.replace("<", "\\u003c");
        return TEMPLATE.replace(PLACEHOLDER, json);
    }

    static byte[] quantize(float[] weights) {
        byte[] q = new byte[weights.length];
        for (int i = 0; i < weights.length; i++) {
            q[i] = (byte) Math.round(Math.max(0f, Math.min(1f, weights[i])) * SCALE);
        }
        return q;
    }

    private static String template() {
        try (InputStream in = HtmlExporter.class.getResourceAsStream("viewer.html")) {
            if (in == null) {
                throw new IllegalStateException("the viewer template dev/heed/alignment/viewer.html is missing from"
                        + " the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
