package dev.heed.lucene.eval;

import java.util.Objects;

/**
 * One document of a ranking as a run file holds it: its id and its score. Immutable.
 *
 * @param docId the document's id (the corpus's {@code _id})
 * @param score the score that ranks it, higher first
 */
public record RankedDoc(String docId, double score) {

    public RankedDoc {
        Objects.requireNonNull(docId, "docId");
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("document " + docId + " has a NaN score");
        }
    }
}
