package dev.heed.lucene;

import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.search.Explanation;

/**
 * One hit: the Lucene document, its id, its score in the mode that found it, and on request the explanation.
 * Immutable.
 *
 * @param doc the Lucene document number (valid for the searcher that found it)
 * @param id the document's own id
 * @param score its score
 * @param explanation what made the score, when asked for
 */
public record SearchHit(int doc, String id, float score, Optional<Explanation> explanation) {

    public SearchHit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(explanation, "explanation");
    }
}
