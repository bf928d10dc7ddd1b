package dev.heed.alignment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.heed.json.HeedJson;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlignmentJsonTest {

    static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static JsonSchema schema() throws Exception {
        try (InputStream in = AlignmentJson.class.getResourceAsStream(AlignmentJson.SCHEMA_RESOURCE)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void everyKindRoundTripsAndValidatesAgainstTheSchema() throws Exception {
        JsonSchema schema = schema();
        for (Alignment a : ExporterContractTest.KINDS) {
            String line = new String(ExporterContractTest.bytes(new AlignmentJson(), a), "UTF-8");
            JsonNode json = HeedJson.COMPACT.readTree(line);
            Set<ValidationMessage> errors = schema.validate(json);
            assertTrue(errors.isEmpty(), a + ": " + errors);
            assertEquals(Alignment.SCHEMA, json.get("schema").asText());
            assertEquals("rec-1", json.get("id").asText());
            assertEquals(a, AlignmentJson.fromJson(json), "write, read back, equal");
        }
    }

    @Test
    void versionTwoAddsLateInteractionAndVersionOneDocumentsStillRead() throws Exception {
        ObjectNode late = AlignmentJson.toJson(AlignmentFixtures.lateInteraction(), "q1/d7");
        assertEquals("heed.alignment/2", late.get("schema").asText());
        assertEquals("late-interaction", late.get("kind").asText());
        assertTrue(schema().validate(late).isEmpty());
        JsonSchema v1;
        try (InputStream in = AlignmentJson.class.getResourceAsStream("heed.alignment-1.schema.json")) {
            v1 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        ObjectNode asV1 = late.deepCopy();
        asV1.put("schema", "heed.alignment/1");
        assertFalse(v1.validate(asV1).isEmpty(), "version 1 knows no late-interaction");
        ObjectNode oldCross = AlignmentJson.toJson(AlignmentFixtures.cross(), "x");
        oldCross.put("schema", "heed.alignment/1");
        assertTrue(v1.validate(oldCross).isEmpty());
        assertEquals(AlignmentFixtures.cross(), AlignmentJson.fromJson(oldCross), "a version 1 line reads");
        ObjectNode future = oldCross.deepCopy();
        future.put("schema", "heed.alignment/3");
        assertThrows(IllegalArgumentException.class, () -> AlignmentJson.fromJson(future));
    }

    @Test
    void theSchemaRejectsWhatIsNotAnAlignment() throws Exception {
        ObjectNode json = AlignmentJson.toJson(AlignmentFixtures.cross(), "x");
        json.put("kind", "telepathy");
        assertFalse(schema().validate(json).isEmpty(), "unknown kind");
        ObjectNode noWeights = AlignmentJson.toJson(AlignmentFixtures.cross(), "x");
        noWeights.remove("weights");
        assertFalse(schema().validate(noWeights).isEmpty(), "missing weights");
        ObjectNode badToken = AlignmentJson.toJson(AlignmentFixtures.cross(), "x");
        ((ObjectNode) badToken.get("source").get("tokens").get(0)).put("start", -1);
        assertFalse(schema().validate(badToken).isEmpty(), "negative offset");
    }

    @Test
    void copySharesRoundTripBesideTheTargetAndTheSchemaAcceptsThem() throws Exception {
        Alignment summary = AlignmentFixtures.summary();
        ObjectNode json = AlignmentJson.toJson(summary, "doc-1");
        assertEquals("[0.1,0.9,0.8,0.05]", json.get("copy").toString());
        assertEquals(List.of("schema", "id", "model", "kind", "source", "target", "copy", "layers", "heads", "weights"),
                fieldNames(json), "copy right after the target tokens");
        assertTrue(schema().validate(json).isEmpty(), schema().validate(json).toString());
        Alignment back = AlignmentJson.fromJson(HeedJson.COMPACT.readTree(HeedJson.COMPACT.writeValueAsString(json)));
        assertEquals(summary, back);
        assertArrayEquals(AlignmentFixtures.SUMMARY_COPY, back.copyShares().orElseThrow());
        ObjectNode plain = AlignmentJson.toJson(AlignmentFixtures.cross(), "x");
        assertFalse(plain.has("copy"), "absent for a model that does not copy");
        assertTrue(AlignmentJson.fromJson(plain).copyShares().isEmpty());
    }

    @Test
    void copySharesOfTheWrongLengthOutOfRangeOrOnAnotherKindAreRejected() throws Exception {
        ObjectNode outOfRange = AlignmentJson.toJson(AlignmentFixtures.summary(), "x");
        ((ArrayNode) outOfRange.get("copy")).set(1, 1.5);
        assertFalse(schema().validate(outOfRange).isEmpty(), "a share over 1");
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> AlignmentJson.fromJson(outOfRange));
        assertTrue(range.getMessage().contains("copy share 1 is 1.5"), range.getMessage());
        ObjectNode negative = AlignmentJson.toJson(AlignmentFixtures.summary(), "x");
        ((ArrayNode) negative.get("copy")).set(0, -0.1);
        assertFalse(schema().validate(negative).isEmpty(), "a negative share");
        ObjectNode notNumbers = AlignmentJson.toJson(AlignmentFixtures.summary(), "x");
        ((ArrayNode) notNumbers.get("copy")).set(0, "lots");
        assertFalse(schema().validate(notNumbers).isEmpty(), "a share that is not a number");
        assertThrows(IllegalArgumentException.class, () -> AlignmentJson.fromJson(notNumbers));

        // JSON Schema cannot compare two arrays' lengths: the description states it and the reader enforces it
        ObjectNode short1 = AlignmentJson.toJson(AlignmentFixtures.summary(), "x");
        ((ArrayNode) short1.get("copy")).remove(3);
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> AlignmentJson.fromJson(short1));
        assertEquals("3 copy shares for 4 target tokens; there is one per target token", length.getMessage());
        String described = schema().getSchemaNode().get("properties").get("copy").get("description").asText();
        assertTrue(described.contains("exactly as many") && described.contains("1 - p_gen"), described);

        ObjectNode pooling = AlignmentJson.toJson(AlignmentFixtures.pooling(), "x");
        pooling.putArray("copy").add(0.5);
        assertFalse(schema().validate(pooling).isEmpty(), "copy shares only for cross-attention");
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> AlignmentJson.fromJson(pooling));
        assertTrue(kind.getMessage().contains("not to pooling"), kind.getMessage());
    }

    @Test
    void versionOneHasNoCopyShares() throws Exception {
        JsonSchema v1;
        try (InputStream in = AlignmentJson.class.getResourceAsStream("heed.alignment-1.schema.json")) {
            v1 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        ObjectNode json = AlignmentJson.toJson(AlignmentFixtures.summary(), "x");
        json.put("schema", "heed.alignment/1");
        assertFalse(v1.validate(json).isEmpty(), "copy is new in version 2");
    }

    @Test
    void weightsNestLayerHeadTargetSource() {
        JsonNode json = AlignmentJson.toJson(AlignmentFixtures.cross(), "x");
        assertEquals(2, json.get("weights").size());
        assertEquals(2, json.get("weights").get(1).size());
        assertEquals(3, json.get("weights").get(1).get(0).size());
        assertEquals(5, json.get("weights").get(1).get(0).get(1).size());
        assertEquals(0.45f, json.get("weights").get(1).get(0).get(1).get(2).floatValue());
    }
}
