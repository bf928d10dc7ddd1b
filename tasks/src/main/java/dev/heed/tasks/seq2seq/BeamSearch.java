package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.heed.engine.EngineArrays;
import dev.heed.engine.GradientMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Batched beam search (greedy at beam 1) over a {@link Seq2SeqBlock}. Each input gets {@code beam} rows; every
 * step scores all rows at once, and for each input the best {@code 2 x beam} continuations of its live
 * hypotheses are taken in order: one ending in {@code </s>} (or reaching the length limit) is finished, the
 * others fill the beam. An input is done when it has {@code beam} finished hypotheses (fairseq's rule; at beam 1
 * that is greedy search), and its rows leave the decoder's state and memory, so later steps compute only the
 * inputs still searched. The decoder state follows the back-pointers ({@link DecoderState#select}); so do each
 * hypothesis's tokens, coverage and cross-attention, which are copied to the heap at the step that makes them
 * ({@code BeamSearchTest} checks them against a teacher-forced replay). Stateless; thread-safe given a model
 * that is.
 */
public final class BeamSearch {

    private BeamSearch() {
    }

    /** A live hypothesis on the heap: its tokens, attention rows and coverage so far (its score is in {@code scores}). */
    private record Live(long[] tokens, List<float[]> attention, float[] coverage, float[] copyShares) {
    }

    private record Candidate(int row, int token, double logProb) {
    }

    /**
     * The best hypotheses for each source, best first.
     *
     * @param sources per input its ids, ending with {@code </s>}
     */
    public static List<List<Hypothesis>> search(Seq2SeqBlock model, NDManager manager, List<long[]> sources,
            DecodeOptions options) {
        try (GradientMode.Scope inference = GradientMode.off()) {
            return run(model, manager, sources, options);
        }
    }

    private static List<List<Hypothesis>> run(Seq2SeqBlock model, NDManager manager, List<long[]> sources,
            DecodeOptions options) {
        int inputs = sources.size();
        if (inputs == 0) {
            return List.of();
        }
        int k = options.beam();
        int rows = inputs * k;
        int vocab = model.decoder().config().vocabSize();
        boolean capture = options.attention() || options.coveragePenalty() > 0;
        int layers = model.decoder().attentionLayers();
        int heads = model.decoder().attentionHeads();
        int sourceLength = 1;
        int[] lengths = new int[inputs];
        int[] limits = new int[inputs];
        for (int b = 0; b < inputs; b++) {
            lengths[b] = sources.get(b).length;
            sourceLength = Math.max(sourceLength, lengths[b]);
            limits[b] = Math.min(model.decoder().config().maxLength(),     // the decoder cannot step further
                    Math.max(options.minLength() + 1, Math.min(options.maxLength(), 2 * lengths[b] + 10)));
        }
        try (NDManager m = manager.newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            long[] ids = new long[rows * sourceLength];
            float[] mask = new float[rows * sourceLength];
            for (int r = 0; r < rows; r++) {
                long[] src = sources.get(r / k);
                System.arraycopy(src, 0, ids, r * sourceLength, src.length);
                Arrays.fill(mask, r * sourceLength, r * sourceLength + src.length, 1f);
            }
            DecoderMemory memory = model.remember(ps, EngineArrays.of(m, ids, new Shape(rows, sourceLength)),
                    EngineArrays.of(m, mask, new Shape(rows, sourceLength)), false);
            DecoderState state = model.decoder().start(ps, memory);
            Live[] live = new Live[rows];
            double[] scores = new double[rows];
            for (int r = 0; r < rows; r++) {
                live[r] = new Live(new long[0], List.of(), new float[lengths[r / k]], new float[0]);
                scores[r] = r % k == 0 ? 0 : Double.NEGATIVE_INFINITY;
            }
            List<List<Hypothesis>> finished = new ArrayList<>();
            for (int b = 0; b < inputs; b++) {
                finished.add(new ArrayList<>());
            }
            boolean[] done = new boolean[inputs];
            long[] last = new long[rows];
            Arrays.fill(last, SubwordCodec.BOS);
            // The inputs still searched, by position: rows p*k .. p*k+k-1 of every array belong to input active[p].
            // When inputs finish, their rows leave the state and the memory, so no step computes rows for them.
            int[] active = new int[inputs];
            for (int b = 0; b < inputs; b++) {
                active[b] = b;
            }
            for (int step = 0; ; step++) {
                int n = active.length * k;
                StepOutput out = model.decoder().step(ps, memory, state, EngineArrays.of(m, last), capture);
                float[] logProbs = out.logProbs().toFloatArray();
                float[] attention = capture ? attentionOnHeap(out.attention()) : null;          // (N, L, H, S)
                float[] copyShares = options.attention() && out.copyShare().isPresent()
                        ? out.copyShare().get().toFloatArray() : null;                          // (N)
                int[] parents = new int[n];
                Live[] nextLive = new Live[n];
                double[] nextScores = new double[n];
                long[] nextLast = new long[n];
                for (int p = 0; p < active.length; p++) {
                    int b = active[p];
                    boolean atLimit = step + 1 >= limits[b];
                    int filled = 0;
                    for (Candidate c : candidates(p, k, vocab, step, options, live, scores, logProbs)) {
                        Live parent = live[c.row()];
                        float[] rowAttention = capture
                                ? rowAttention(attention, c.row(), layers, heads, sourceLength, lengths[b]) : null;
                        if (c.token() == SubwordCodec.EOS || atLimit) {
                            boolean ended = c.token() == SubwordCodec.EOS;
                            finished.get(b).add(finish(parent, c, ended, rowAttention, share(copyShares, c.row()),
                                    heads, lengths[b], options));
                            if (finished.get(b).size() >= k) {
                                break;
                            }
                            continue;
                        }
                        int r = p * k + filled;
                        parents[r] = c.row();
                        nextLive[r] = extend(parent, c, rowAttention, share(copyShares, c.row()), heads, options);
                        nextScores[r] = c.logProb();
                        nextLast[r] = c.token();
                        if (++filled == k) {
                            break;
                        }
                    }
                    for (int j = filled; j < k; j++) {
                        int r = p * k + j;
                        parents[r] = p * k;
                        nextLive[r] = live[p * k];
                        nextScores[r] = Double.NEGATIVE_INFINITY;
                        nextLast[r] = SubwordCodec.PAD;
                    }
                    if (finished.get(b).size() >= k || atLimit || filled == 0) {
                        done[b] = true;
                    }
                }
                int[] staying = Arrays.stream(active).filter(b -> !done[b]).toArray();
                if (staying.length == 0) {
                    break;
                }
                if (staying.length == active.length) {
                    state = identity(parents) ? out.next()
                            : out.next().select(Arrays.stream(parents).asLongStream().toArray());
                    live = nextLive;
                    scores = nextScores;
                    last = nextLast;
                    continue;
                }
                long[] keptParents = new long[staying.length * k];
                long[] keptRows = new long[staying.length * k];
                Live[] keptLive = new Live[staying.length * k];
                double[] keptScores = new double[staying.length * k];
                long[] keptLast = new long[staying.length * k];
                for (int p = 0, q = 0; p < active.length; p++) {
                    if (done[active[p]]) {
                        continue;
                    }
                    for (int j = 0; j < k; j++) {
                        int from = p * k + j;
                        int to = q * k + j;
                        keptParents[to] = parents[from];
                        keptRows[to] = from;
                        keptLive[to] = nextLive[from];
                        keptScores[to] = nextScores[from];
                        keptLast[to] = nextLast[from];
                    }
                    q++;
                }
                state = out.next().select(keptParents);
                memory = memory.select(keptRows);
                active = staying;
                live = keptLive;
                scores = keptScores;
                last = keptLast;
            }
            List<List<Hypothesis>> result = new ArrayList<>(inputs);
            for (List<Hypothesis> hyps : finished) {
                hyps.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
                result.add(List.copyOf(hyps.subList(0, Math.min(options.nBest(), hyps.size()))));
            }
            return result;
        }
    }

    private static boolean identity(int[] parents) {
        for (int r = 0; r < parents.length; r++) {
            if (parents[r] != r) {
                return false;
            }
        }
        return true;
    }

    /** The best {@code 2k} continuations of the live rows at position {@code p} (rows {@code p*k ..}), best first. */
    private static List<Candidate> candidates(int p, int k, int vocab, int step, DecodeOptions options, Live[] live,
            double[] scores, float[] logProbs) {
        PriorityQueue<Candidate> best = new PriorityQueue<>(Comparator.comparingDouble(Candidate::logProb));
        int want = 2 * k;
        for (int j = 0; j < k; j++) {
            int r = p * k + j;
            if (scores[r] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            Set<Integer> banned = new HashSet<>(banned(live[r].tokens(), options.noRepeatNgram()));
            banned.addAll(RepetitionGuard.banned(live[r].tokens(), options.maxRepeat()));
            boolean[] bannedIds = null; // most rows ban nothing; the scan below visits every id of the vocabulary
            if (!banned.isEmpty()) {
                bannedIds = new boolean[vocab];
                for (int id : banned) {
                    if (id >= 0 && id < vocab) {
                        bannedIds[id] = true;
                    }
                }
            }
            int base = r * vocab;
            for (int v = 0; v < vocab; v++) {
                if (v == SubwordCodec.PAD || v == SubwordCodec.BOS || (v == SubwordCodec.EOS && step < options.minLength())
                        || (bannedIds != null && bannedIds[v])) {
                    continue;
                }
                double total = scores[r] + logProbs[base + v];
                if (best.size() < want) {
                    best.add(new Candidate(r, v, total));
                } else if (total > best.peek().logProb()) {
                    best.poll();
                    best.add(new Candidate(r, v, total));
                }
            }
        }
        List<Candidate> ordered = new ArrayList<>(best);
        ordered.sort(Comparator.comparingDouble(Candidate::logProb).reversed());
        return ordered;
    }

    /** Tokens that would repeat an n-gram of {@code tokens} if appended. */
    private static Set<Integer> banned(long[] tokens, int n) {
        if (n == 0 || tokens.length < n - 1) {
            return Set.of();
        }
        Set<Integer> banned = new HashSet<>();
        int prefix = n - 1;
        for (int i = 0; i + n <= tokens.length; i++) {
            boolean same = true;
            for (int j = 0; j < prefix && same; j++) {
                same = tokens[i + j] == tokens[tokens.length - prefix + j];
            }
            if (same) {
                banned.add((int) tokens[i + prefix]);
            }
        }
        return banned;
    }

    /** Row {@code r}'s copy share of this step, NaN when not recorded. */
    private static float share(float[] copyShares, int r) {
        return copyShares == null ? Float.NaN : copyShares[r];
    }

    private static float[] appendShare(float[] shares, float share) {
        if (Float.isNaN(share)) {
            return shares;
        }
        float[] out = Arrays.copyOf(shares, shares.length + 1);
        out[shares.length] = share;
        return out;
    }

    private static Live extend(Live parent, Candidate c, float[] rowAttention, float share, int heads,
            DecodeOptions options) {
        long[] tokens = Arrays.copyOf(parent.tokens(), parent.tokens().length + 1);
        tokens[tokens.length - 1] = c.token();
        List<float[]> attention = parent.attention();
        float[] coverage = parent.coverage();
        if (rowAttention != null) {
            List<float[]> grown = new ArrayList<>(attention.size() + 1);
            grown.addAll(attention);
            grown.add(rowAttention);
            attention = grown;
            coverage = covered(coverage, rowAttention, heads);
        }
        return new Live(tokens, options.attention() ? attention : List.of(), coverage,
                appendShare(parent.copyShares(), share));
    }

    private static Hypothesis finish(Live parent, Candidate c, boolean ended, float[] rowAttention, float share,
            int heads, int sourceLength, DecodeOptions options) {
        long[] tokens = ended ? parent.tokens() : append(parent.tokens(), c.token());
        List<float[]> attention = new ArrayList<>(parent.attention());
        float[] coverage = parent.coverage();
        if (rowAttention != null) {
            attention.add(rowAttention);
            coverage = covered(coverage, rowAttention, heads);
        }
        int length = tokens.length + (ended ? 1 : 0);
        double score = c.logProb() / options.lengthNorm(length);
        if (options.coveragePenalty() > 0) {
            double penalty = 0;
            for (int i = 0; i < sourceLength; i++) {
                penalty += Math.log(Math.max(1e-10, Math.min(coverage[i], 1.0)));
            }
            score += options.coveragePenalty() * penalty;
        }
        return new Hypothesis(tokens, ended, c.logProb(), score, options.attention() ? attention : List.of(),
                appendShare(parent.copyShares(), share));
    }

    private static long[] append(long[] tokens, long token) {
        long[] out = Arrays.copyOf(tokens, tokens.length + 1);
        out[tokens.length] = token;
        return out;
    }

    /** {@code coverage} plus this step's last-layer attention averaged over heads. */
    private static float[] covered(float[] coverage, float[] rowAttention, int heads) {
        int s = coverage.length;
        float[] next = coverage.clone();
        int lastLayer = rowAttention.length - heads * s;
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < s; i++) {
                next[i] += rowAttention[lastLayer + h * s + i] / heads;
            }
        }
        return next;
    }

    /** Every layer's step attention {@code (N, H, S)} as one heap array laid out {@code (N, L, H, S)}. */
    private static float[] attentionOnHeap(List<NDArray> perLayer) {
        NDList layers = new NDList(perLayer);
        return NDArrays.stack(layers, 1).toFloatArray();
    }

    /** Row {@code r}'s {@code L x H x S} block, cut to its input's {@code length} real source tokens. */
    private static float[] rowAttention(float[] all, int r, int layers, int heads, int padded, int length) {
        float[] out = new float[layers * heads * length];
        int base = r * layers * heads * padded;
        for (int lh = 0; lh < layers * heads; lh++) {
            System.arraycopy(all, base + lh * padded, out, lh * length, length);
        }
        return out;
    }
}
