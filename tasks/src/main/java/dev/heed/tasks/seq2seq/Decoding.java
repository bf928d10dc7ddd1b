package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Decoding many sources in batches of similar length, results in input order. Stateless. */
public final class Decoding {

    private Decoding() {
    }

    /** The search result of every source, in their order, searched {@code batchSize} at a time. */
    public static List<List<Hypothesis>> decodeAll(Seq2SeqBlock model, NDManager manager, List<long[]> sources,
            DecodeOptions options, int batchSize) {
        Integer[] order = new Integer[sources.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> sources.get(i).length));
        List<List<Hypothesis>> results = new ArrayList<>(java.util.Collections.nCopies(sources.size(), null));
        for (int from = 0; from < order.length; from += batchSize) {
            List<Integer> batch = Arrays.asList(order).subList(from, Math.min(order.length, from + batchSize));
            List<List<Hypothesis>> found = BeamSearch.search(model, manager,
                    batch.stream().map(sources::get).toList(), options);
            for (int j = 0; j < batch.size(); j++) {
                results.set(batch.get(j), found.get(j));
            }
        }
        return results;
    }
}
