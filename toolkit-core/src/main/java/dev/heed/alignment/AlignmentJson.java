package dev.heed.alignment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.json.HeedJson;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON form of an alignment, {@code "schema": "heed.alignment/2"}, described by the JSON Schema
 * {@code heed.alignment-2.schema.json} beside this class (version 1, {@code heed.alignment-1.schema.json}, had no
 * {@code late-interaction} kind and no copy shares; its documents still read): the record's id, the model, the
 * kind, source and target (text and tokens with spans and word indexes), for a copying decoder's cross-attention
 * {@code "copy"} (the T copy shares {@code 1 - p_gen}, one per target token, each in {@code [0, 1]}; absent
 * otherwise) and the weights nested {@code [layer][head][t][s]}.
 * As an exporter ({@code json}) it writes JSON lines to {@code attention.jsonl}. Stateless.
 */
public final class AlignmentJson implements AlignmentExporter {

    /** The schema's resource name, beside this class. */
    public static final String SCHEMA_RESOURCE = "heed.alignment-2.schema.json";

    @Override
    public String name() {
        return "json";
    }

    @Override
    public boolean linePerRecord() {
        return true;
    }

    @Override
    public String fileName(String safeRecordId) {
        return "attention.jsonl";
    }

    @Override
    public void write(Alignment alignment, String recordId, OutputStream out) throws IOException {
        out.write(HeedJson.COMPACT.writeValueAsBytes(toJson(alignment, recordId)));
        out.write('\n');
    }

    /** The JSON object of {@code alignment} for record {@code recordId}. */
    public static ObjectNode toJson(Alignment a, String recordId) {
        ObjectNode root = HeedJson.COMPACT.createObjectNode();
        root.put("schema", Alignment.SCHEMA);
        root.put("id", recordId);
        root.put("model", a.model());
        root.put("kind", a.kind().jsonName());
        root.set("source", side(a.source(), a.sourceTokens()));
        root.set("target", side(a.target(), a.targetTokens()));
        a.copyShares().ifPresent(shares -> copy(root, shares));
        root.put("layers", a.layers());
        root.put("heads", a.heads());
        ArrayNode layers = root.putArray("weights");
        for (int l = 0; l < a.layers(); l++) {
            ArrayNode heads = layers.addArray();
            for (int h = 0; h < a.heads(); h++) {
                ArrayNode rows = heads.addArray();
                for (int t = 0; t < a.rows(); t++) {
                    ArrayNode row = rows.addArray();
                    for (int s = 0; s < a.columns(); s++) {
                        row.add(a.weight(l, h, t, s));
                    }
                }
            }
        }
        return root;
    }

    /** Adds {@code "copy"}: the copy shares, one number per target token. */
    static void copy(ObjectNode root, float[] shares) {
        ArrayNode copy = root.putArray("copy");
        for (float share : shares) {
            copy.add(share);
        }
    }

    /** One side of an alignment: its text and its tokens (text, start, end, word, special). */
    static ObjectNode side(String text, List<AlignmentToken> tokens) {
        ObjectNode side = HeedJson.COMPACT.createObjectNode();
        side.put("text", text);
        ArrayNode array = side.putArray("tokens");
        for (AlignmentToken t : tokens) {
            array.addObject().put("text", t.text()).put("start", t.start()).put("end", t.end()).put("word", t.word())
                    .put("special", t.special());
        }
        return side;
    }

    /**
     * The alignment in {@code json}.
     *
     * @throws IllegalArgumentException naming what is missing or malformed, such as copy shares that are not one
     *     number in {@code [0, 1]} per target token of a cross-attention alignment
     */
    public static Alignment fromJson(JsonNode json) {
        if (!Alignment.READABLE_SCHEMAS.contains(json.path("schema").asText())) {
            throw new IllegalArgumentException("not a heed alignment (" + String.join(" or ", Alignment.READABLE_SCHEMAS)
                    + "): schema is " + json.path("schema"));
        }
        List<AlignmentToken> source = tokens(json.path("source").path("tokens"));
        List<AlignmentToken> target = tokens(json.path("target").path("tokens"));
        int layers = json.path("layers").asInt();
        int heads = json.path("heads").asInt();
        float[] weights = new float[layers * heads * target.size() * source.size()];
        int i = 0;
        for (JsonNode layer : json.path("weights")) {
            for (JsonNode head : layer) {
                for (JsonNode row : head) {
                    for (JsonNode w : row) {
                        if (i == weights.length) {
                            throw new IllegalArgumentException("more weights than (L, H, T, S) = (" + layers + ", "
                                    + heads + ", " + target.size() + ", " + source.size() + ")");
                        }
                        weights[i++] = w.floatValue();
                    }
                }
            }
        }
        if (i != weights.length) {
            throw new IllegalArgumentException(i + " weights, (L, H, T, S) needs " + weights.length);
        }
        return new Alignment(json.path("model").asText(), AlignmentKind.of(json.path("kind").asText()),
                json.path("source").path("text").asText(), json.path("target").path("text").asText(), source, target,
                layers, heads, weights, copyShares(json.get("copy")));
    }

    private static Optional<float[]> copyShares(JsonNode copy) {
        if (copy == null || copy.isNull()) {
            return Optional.empty();
        }
        if (!copy.isArray()) {
            throw new IllegalArgumentException("copy is an array of numbers, one per target token, not " + copy);
        }
        float[] shares = new float[copy.size()];
        for (int t = 0; t < shares.length; t++) {
            if (!copy.get(t).isNumber()) {
                throw new IllegalArgumentException("copy share " + t + " is not a number: " + copy.get(t));
            }
            shares[t] = copy.get(t).floatValue();
        }
        return Optional.of(shares);
    }

    private static List<AlignmentToken> tokens(JsonNode array) {
        List<AlignmentToken> tokens = new ArrayList<>();
        for (JsonNode t : array) {
            tokens.add(new AlignmentToken(t.path("text").asText(), t.path("start").asInt(), t.path("end").asInt(),
                    t.path("word").asInt(), t.path("special").asBoolean()));
        }
        return tokens;
    }
}
