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
 * The self-contained HTML viewer, one file per record ({@code ID.html}, format {@code html-files}); the same
 * page holding a whole run is {@link HtmlRunExporter} ({@code html}). The page opens from disk with no
 * network: a lines view (lines between tokens weighted by attention, all heads at once, a colour each, or
 * one) and a matrix view (a heat map, target rows against source columns, pointing at a cell gives its weight
 * and both tokens), layer and head selectors, a word/subword toggle, a colour-blind-safe colour scale
 * ({@link ColourScale}) with its legend,
 * and the original text where pointing at a token highlights what it attends to and what attends to it, by
 * the tokens' character spans. For a copying decoder (an alignment with {@link Alignment#copyShares() copy
 * shares}) every target token is underlined in orange as strongly as its copy share {@code 1 - p_gen} (the share
 * in its tooltip), pointing at one underlines the source tokens its copied mass went to (copy share times the
 * last layer's attention averaged over heads, the copy distribution), and a legend line says so; without copy
 * shares there are no such marks. Its page forbids every network request (Content Security Policy
 * {@code default-src 'none'}).
 *
 * <p>The page is a prologue, one {@code <script type="application/json" class="heed-record">} block per record
 * (parsed only when shown) and an epilogue holding the viewer's code. The weights are stored as bytes
 * ({@code round(255 w)}, base64): 6 layers x 12 heads over 128 tokens take about 1.6 MB. Stateless.
 */
public final class HtmlExporter implements AlignmentExporter {

    /** Weights are quantized to {@code round(SCALE * w)}, one byte each. */
    public static final int SCALE = 255;
    private static final String SPLIT = "<!--HEED_RECORDS-->";
    private static final String TEMPLATE = template();

    @Override
    public String name() {
        return "html-files";
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

    /** The viewer page of {@code a} alone. */
    static String page(Alignment a, String recordId) {
        return prologue() + recordBlock(a, recordId) + epilogue();
    }

    /** The page up to its first record block. */
    static String prologue() {
        return TEMPLATE.substring(0, TEMPLATE.indexOf(SPLIT));
    }

    /** The page after its last record block: the viewer's code. */
    static String epilogue() {
        return TEMPLATE.substring(TEMPLATE.indexOf(SPLIT) + SPLIT.length());
    }

    /**
     * One record's block, a line ending in {@code \n}: its data as JSON in a script element, with its id and
     * texts in attributes for the record search.
     */
    static String recordBlock(Alignment a, String recordId) {
        ObjectNode data = HeedJson.COMPACT.createObjectNode();
        data.put("schema", Alignment.SCHEMA);
        data.put("id", recordId);
        data.put("model", a.model());
        data.put("kind", a.kind().jsonName());
        data.set("source", AlignmentJson.side(a.source(), a.sourceTokens()));
        data.set("target", AlignmentJson.side(a.target(), a.targetTokens()));
        a.copyShares().ifPresent(shares -> AlignmentJson.copy(data, shares));
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
        String texts = a.kind() == AlignmentKind.SELF_ATTENTION ? a.source() : a.source() + "\n" + a.target();
        return "<script type=\"application/json\" class=\"heed-record\" data-id=\"" + attribute(recordId)
                + "\" data-text=\"" + attribute(texts) + "\">" + json + "</script>\n";
    }

    private static String attribute(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\n', '\r', '\t' -> b.append("&#").append((int) c).append(';');
                default -> b.append(c);
            }
        }
        return b.toString();
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
            String t = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!t.contains(SPLIT)) {
                throw new IllegalStateException("the viewer template has no " + SPLIT + " marker");
            }
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
