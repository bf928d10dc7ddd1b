package dev.heed.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.heed.json.HeedJson;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlignmentJsonTest {

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
    void weightsNestLayerHeadTargetSource() {
        JsonNode json = AlignmentJson.toJson(AlignmentFixtures.cross(), "x");
        assertEquals(2, json.get("weights").size());
        assertEquals(2, json.get("weights").get(1).size());
        assertEquals(3, json.get("weights").get(1).get(0).size());
        assertEquals(5, json.get("weights").get(1).get(0).get(1).size());
        assertEquals(0.45f, json.get("weights").get(1).get(0).get(1).get(2).floatValue());
    }
}
