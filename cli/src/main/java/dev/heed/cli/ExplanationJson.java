package dev.heed.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.json.HeedJson;
import org.apache.lucene.search.Explanation;

/** A Lucene {@link Explanation} as JSON: {@code {"value","description","match","details":[...]}}. Stateless. */
final class ExplanationJson {

    private ExplanationJson() {
    }

    static ObjectNode of(Explanation e) {
        ObjectNode node = HeedJson.COMPACT.createObjectNode();
        node.put("value", e.getValue().doubleValue());
        node.put("description", e.getDescription());
        node.put("match", e.isMatch());
        if (e.getDetails().length > 0) {
            var details = node.putArray("details");
            for (Explanation d : e.getDetails()) {
                details.add(of(d));
            }
        }
        return node;
    }
}
