package dev.heed.text.vocab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Learns a byte-level BPE vocabulary (Sennrich et al. 2016, <a href="https://arxiv.org/abs/1508.07909">
 * arXiv:1508.07909</a>; GPT-2's byte-level variant) from a corpus.
 *
 * <p>The most frequent adjacent pair of symbols is merged until the vocabulary reaches its target size.
 * Pair counts are updated incrementally, only for the words that hold the merged pair, and ties go to the
 * pair of lower symbol ids, so a corpus and a config always give the same vocabulary. Not thread-safe:
 * use one trainer per thread.
 */
public final class BpeTrainer {

    private final BpeConfig config;

    public BpeTrainer(BpeConfig config) {
        this.config = config;
    }

    /** Learns the vocabulary from {@code texts}, one text (sentence, line) at a time. */
    public BpeModel train(Iterable<String> texts) {
        Map<String, Integer> pieceCounts = new HashMap<>();
        for (String text : texts) {
            String normalized = config.lowercase() ? text.toLowerCase(Locale.ROOT) : text;
            for (String piece : ByteLevel.preTokenize(normalized, true)) {
                pieceCounts.merge(piece, 1, Integer::sum);
            }
        }
        return learn(pieceCounts);
    }

    private BpeModel learn(Map<String, Integer> pieceCounts) {
        List<String> symbols = new ArrayList<>(ByteLevel.alphabet());
        Map<String, Integer> symbolIds = new HashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            symbolIds.put(symbols.get(i), i);
        }
        Map<String, Integer> vocabulary = new LinkedHashMap<>();
        for (String special : config.specialTokens()) {
            vocabulary.putIfAbsent(special, vocabulary.size());
        }
        for (String symbol : symbols) {
            vocabulary.putIfAbsent(symbol, vocabulary.size());
        }

        int[][] words = new int[pieceCounts.size()][];
        long[] counts = new long[pieceCounts.size()];
        int w = 0;
        for (Map.Entry<String, Integer> e : pieceCounts.entrySet()) {
            String piece = e.getKey();
            int[] ids = new int[piece.length()];
            for (int i = 0; i < piece.length(); i++) {
                ids[i] = symbolIds.get(String.valueOf(piece.charAt(i)));
            }
            words[w] = ids;
            counts[w++] = e.getValue();
        }

        PairStatistics stats = new PairStatistics();
        for (int i = 0; i < words.length; i++) {
            stats.add(i, words[i], counts[i]);
        }
        stats.pushAll(stats.allPairs());

        List<BpeModel.Merge> merges = new ArrayList<>();
        int[] visited = new int[words.length];
        int stamp = 0;
        while (vocabulary.size() < config.vocabSize()) {
            long pair = stats.popBest(config.minFrequency());
            if (pair < 0) {
                break;
            }
            int left = (int) (pair >>> 32);
            int right = (int) pair;
            String merged = symbols.get(left) + symbols.get(right);
            Integer mergedId = symbolIds.get(merged);
            if (mergedId == null) {
                mergedId = symbols.size();
                symbols.add(merged);
                symbolIds.put(merged, mergedId);
            }
            vocabulary.putIfAbsent(merged, vocabulary.size());
            merges.add(new BpeModel.Merge(symbols.get(left), symbols.get(right)));

            stamp++;
            Set<Long> changed = new HashSet<>();
            for (int word : stats.wordsWith(pair)) {
                if (visited[word] == stamp || !contains(words[word], left, right)) {
                    continue;
                }
                visited[word] = stamp;
                stats.remove(words[word], counts[word], changed);
                words[word] = replace(words[word], left, right, mergedId);
                stats.add(word, words[word], counts[word], changed);
            }
            stats.forget(pair);
            changed.remove(pair);
            stats.pushAll(changed);
        }
        return new BpeModel(List.copyOf(vocabulary.keySet()), merges, config);
    }

    private static boolean contains(int[] word, int left, int right) {
        for (int i = 0; i + 1 < word.length; i++) {
            if (word[i] == left && word[i + 1] == right) {
                return true;
            }
        }
        return false;
    }

    private static int[] replace(int[] word, int left, int right, int merged) {
        int[] out = new int[word.length];
        int n = 0;
        for (int i = 0; i < word.length; i++) {
            if (i + 1 < word.length && word[i] == left && word[i + 1] == right) {
                out[n++] = merged;
                i++;
            } else {
                out[n++] = word[i];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Pair counts, the words each pair occurs in, and a max-queue over counts with lazy deletion. */
    private static final class PairStatistics {
        private final Map<Long, Long> counts = new HashMap<>();
        private final Map<Long, IntList> where = new HashMap<>();
        private final PriorityQueue<long[]> queue = new PriorityQueue<>((x, y) -> {
            int byCount = Long.compare(y[0], x[0]);
            return byCount != 0 ? byCount : Long.compare(x[1], y[1]);
        });

        void add(int word, int[] symbols, long count) {
            add(word, symbols, count, null);
        }

        void add(int word, int[] symbols, long count, Set<Long> changed) {
            for (int i = 0; i + 1 < symbols.length; i++) {
                long pair = key(symbols[i], symbols[i + 1]);
                counts.merge(pair, count, Long::sum);
                where.computeIfAbsent(pair, k -> new IntList()).add(word);
                if (changed != null) {
                    changed.add(pair);
                }
            }
        }

        void remove(int[] symbols, long count, Set<Long> changed) {
            for (int i = 0; i + 1 < symbols.length; i++) {
                long pair = key(symbols[i], symbols[i + 1]);
                counts.merge(pair, -count, Long::sum);
                changed.add(pair);
            }
        }

        Set<Long> allPairs() {
            return counts.keySet();
        }

        void pushAll(Iterable<Long> pairs) {
            for (long pair : pairs) {
                long count = counts.getOrDefault(pair, 0L);
                if (count > 0) {
                    queue.add(new long[] {count, pair});
                }
            }
        }

        /** The most frequent pair still valid, or -1 when none reaches {@code minFrequency}. */
        long popBest(int minFrequency) {
            while (!queue.isEmpty()) {
                long[] top = queue.poll();
                long current = counts.getOrDefault(top[1], 0L);
                if (current != top[0]) {
                    continue; // stale: a fresh entry was pushed when the count changed
                }
                return current >= minFrequency ? top[1] : -1;
            }
            return -1;
        }

        IntList wordsWith(long pair) {
            return where.getOrDefault(pair, new IntList());
        }

        void forget(long pair) {
            counts.remove(pair);
            where.remove(pair);
        }

        private static long key(int left, int right) {
            return ((long) left << 32) | (right & 0xFFFFFFFFL);
        }
    }

    /** A growable list of ints, iterable without boxing each element on add. */
    private static final class IntList implements Iterable<Integer> {
        private int[] items = new int[4];
        private int size;

        void add(int value) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            items[size++] = value;
        }

        @Override
        public java.util.Iterator<Integer> iterator() {
            int[] snapshot = java.util.Arrays.copyOf(items, size);
            return java.util.Arrays.stream(snapshot).iterator();
        }
    }
}
