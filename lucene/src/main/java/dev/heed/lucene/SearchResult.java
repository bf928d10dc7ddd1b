package dev.heed.lucene;

import java.util.List;

/**
 * The hits of one query, best first, and how many of the query's tokens the embedding model could not read
 * (0 unless the query is longer than its window). Immutable.
 *
 * @param hits the hits
 * @param truncatedQueryTokens tokens of the query cut before it was embedded
 */
public record SearchResult(List<SearchHit> hits, int truncatedQueryTokens) {

    public SearchResult {
        hits = List.copyOf(hits);
    }
}
