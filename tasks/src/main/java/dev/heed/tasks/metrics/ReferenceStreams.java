package dev.heed.tasks.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * sacreBLEU's reference layout: one or more reference streams, each holding one reference for every
 * hypothesis, line by line ({@code corpus_score(hypotheses, [stream1, stream2])}). An empty line in a stream is
 * an empty reference, and it counts as one, as in sacreBLEU.
 */
final class ReferenceStreams {

    private ReferenceStreams() {
    }

    /** Fails unless there is at least one stream and every stream pairs up with {@code hypotheses}. */
    static void check(List<String> hypotheses, List<List<String>> references) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("no reference stream: give at least one, with a reference for each of"
                    + " the " + hypotheses.size() + " hypotheses");
        }
        for (int s = 0; s < references.size(); s++) {
            if (references.get(s).size() != hypotheses.size()) {
                throw new IllegalArgumentException(hypotheses.size() + " hypotheses but " + references.get(s).size()
                        + " references in stream " + (s + 1) + ": they must pair up line by line");
            }
        }
    }

    /** The references of segment {@code i}, one from each stream. */
    static List<String> segment(List<List<String>> references, int i) {
        List<String> refs = new ArrayList<>(references.size());
        for (List<String> stream : references) {
            refs.add(stream.get(i));
        }
        return refs;
    }
}
