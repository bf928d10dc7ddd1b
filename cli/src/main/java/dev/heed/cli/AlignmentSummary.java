package dev.heed.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.alignment.Alignment;
import dev.heed.json.HeedJson;
import dev.heed.lucene.LateInteraction;

/**
 * A late-interaction alignment in a search hit's JSON: the model, MaxSim, and for each query word its best document
 * word with their cosine (negative as 0) and the document word's span. Stateless.
 */
final class AlignmentSummary {

    private AlignmentSummary() {
    }

    static ObjectNode of(LateInteraction.Result r) {
        Alignment a = r.alignment();
        ObjectNode node = HeedJson.COMPACT.createObjectNode();
        node.put("model", a.model()).put("kind", a.kind().jsonName()).put("maxsim", r.maxSim());
        var words = node.putArray("words");
        for (int t = 0; t < a.rows(); t++) {
            int best = 0;
            for (int s = 1; s < a.columns(); s++) {
                if (a.weight(0, 0, t, s) > a.weight(0, 0, t, best)) {
                    best = s;
                }
            }
            var src = a.sourceTokens().get(best);
            words.addObject().put("query_word", a.targetTokens().get(t).text()).put("document_word", src.text())
                    .put("start", src.start()).put("end", src.end()).put("cosine", a.weight(0, 0, t, best));
        }
        return node;
    }
}
