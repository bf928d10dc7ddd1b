package dev.heed.tasks.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Beam search returns what the model scores: every hypothesis's log-probability and its cross-attention, carried
 * through the beam by back-pointers, equal a teacher-forced replay of that same hypothesis; the n-best list is
 * sorted; search options are honoured.
 */
class BeamSearchTest {

    private static final List<long[]> SOURCES = List.of(new long[] {5, 9, 12, 7, 3}, new long[] {8, 6, 11, 13, 22, 17, 30, 3},
            new long[] {14, 3});

    @ParameterizedTest(name = "{0} + {1} decoder + {2}, beam {3}")
    @CsvSource({"bigru, gru, additive, 4", "bigru, gru, local-p, 3", "transformer, transformer, multi-head, 4",
            "bigru, gru, general, 1"})
    void everyHypothesisAndItsAlignmentEqualATeacherForcedReplay(String encoder, String type, String attention,
            int beam) {
        try (NDManager m = NDManager.newBaseManager()) {
            Seq2SeqBlock model = TinySeq2Seq.build(m, encoder, type, attention);
            DecodeOptions options = new DecodeOptions(beam, 12, 0, 0.6, 0, 0, beam, true);
            int arrays = m.getManagedArrays().size();
            List<List<Hypothesis>> found = BeamSearch.search(model, m, SOURCES, options);
            assertEquals(arrays, m.getManagedArrays().size(), "search leaves no array behind");
            assertEquals(SOURCES.size(), found.size());
            int layers = model.decoder().attentionLayers();
            int heads = model.decoder().attentionHeads();
            for (int b = 0; b < SOURCES.size(); b++) {
                List<Hypothesis> hyps = found.get(b);
                assertEquals(beam, hyps.size(), "n-best of " + beam);
                for (int i = 1; i < hyps.size(); i++) {
                    assertTrue(hyps.get(i - 1).score() >= hyps.get(i).score(), "n-best sorted by score");
                }
                for (Hypothesis h : hyps) {
                    replay(model, m, SOURCES.get(b), h, layers, heads, options);
                }
            }
        }
    }

    private static void replay(Seq2SeqBlock model, NDManager m, long[] source, Hypothesis h, int layers, int heads,
            DecodeOptions options) {
        ParameterStore ps = new ParameterStore(m, false);
        long[] tokens = h.tokens();
        long[] input = new long[h.steps()];
        input[0] = SubwordCodec.BOS;
        System.arraycopy(tokens, 0, input, 1, h.steps() - 1);
        DecoderMemory memory = model.remember(ps, m.create(source, new Shape(1, source.length)),
                m.ones(new Shape(1, source.length)), false);
        ForcedOutput forced = model.decoder().forced(ps, memory, m.create(input, new Shape(1, input.length)), false,
                true);
        float[] logProbs = forced.logits().logSoftmax(-1).toFloatArray();
        int vocab = model.decoder().config().vocabSize();
        double total = 0;
        for (int t = 0; t < h.steps(); t++) {
            long gold = t < tokens.length ? tokens[t] : SubwordCodec.EOS;
            total += logProbs[t * vocab + (int) gold];
        }
        assertEquals(total, h.logProb(), 1e-3, "log-probability of the hypothesis");
        assertEquals(h.logProb() / options.lengthNorm(h.steps()), h.score(), 1e-9, "GNMT length penalty");
        assertEquals(h.steps(), h.attention().size(), "one attention row per produced token");
        for (int t = 0; t < h.steps(); t++) {
            float[] expected = new float[layers * heads * source.length];
            for (int l = 0; l < layers; l++) {
                NDArray row = forced.attention().get(l).get(new NDIndex("0, :, {}, :", t));   // (H, S)
                System.arraycopy(row.toFloatArray(), 0, expected, l * heads * source.length, heads * source.length);
            }
            // one step at a time in a batch of three and the forced pass of one row round differently (1e-5 seen)
            assertArrayEquals(expected, h.attention().get(t), 1e-4f, "attention of target position " + t);
        }
    }

    /**
     * Inputs that finish at different steps (here by their length limits, 12 to 16 steps, and by {@code </s>}) leave
     * the batch; the others go on and find what each finds searched alone.
     */
    @ParameterizedTest(name = "{0} + {1} decoder + {2}, copy {3}")
    @CsvSource({"transformer, transformer, multi-head, false", "bigru, gru, additive, true",
            "transformer, transformer, multi-head, true"})
    void inputsThatFinishLeaveTheBatchAndTheRestFindWhatTheyFindAlone(String encoder, String type, String attention,
            boolean copy) {
        List<long[]> sources = List.of(new long[] {3}, new long[] {8, 6, 11, 13, 22, 17, 30, 3}, new long[] {14, 3},
                new long[] {5, 9, 12, 7, 3});
        try (NDManager m = NDManager.newBaseManager()) {
            Seq2SeqBlock model = TinySeq2Seq.build(m, encoder, type, attention, copy, false);
            DecodeOptions options = new DecodeOptions(3, 40, 0, 0.6, 0, 0, 3, true);
            int arrays = m.getManagedArrays().size();
            List<List<Hypothesis>> together = BeamSearch.search(model, m, sources, options);
            assertEquals(arrays, m.getManagedArrays().size(), "search leaves no array behind");
            java.util.Set<Integer> steps = new java.util.HashSet<>();
            for (int b = 0; b < sources.size(); b++) {
                List<Hypothesis> alone = BeamSearch.search(model, m, List.of(sources.get(b)), options).get(0);
                List<Hypothesis> batched = together.get(b);
                assertEquals(alone.size(), batched.size(), "input " + b);
                for (int i = 0; i < alone.size(); i++) {
                    assertArrayEquals(alone.get(i).tokens(), batched.get(i).tokens(), "input " + b + " hypothesis " + i);
                    assertEquals(alone.get(i).score(), batched.get(i).score(), 1e-4, "input " + b + " hypothesis " + i);
                    for (int t = 0; t < alone.get(i).steps(); t++) {
                        assertArrayEquals(alone.get(i).attention().get(t), batched.get(i).attention().get(t), 1e-4f,
                                "input " + b + " hypothesis " + i + " step " + t);
                    }
                }
                steps.add(batched.stream().mapToInt(Hypothesis::steps).max().orElseThrow());
            }
            assertTrue(steps.size() > 1, "the inputs finished at different steps: " + steps);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bigru, gru, additive", "transformer, transformer, multi-head"})
    void greedySearchPicksTheArgmaxAtEveryStep(String encoder, String type, String attention) {
        try (NDManager m = NDManager.newBaseManager()) {
            Seq2SeqBlock model = TinySeq2Seq.build(m, encoder, type, attention);
            Hypothesis h = BeamSearch.search(model, m, SOURCES.subList(1, 2), DecodeOptions.greedy().withMaxRepeat(0))
                    .get(0).get(0);
            ParameterStore ps = new ParameterStore(m, false);
            long[] source = SOURCES.get(1);
            DecoderMemory memory = model.remember(ps, m.create(source, new Shape(1, source.length)),
                    m.ones(new Shape(1, source.length)), false);
            DecoderState state = model.decoder().start(ps, memory);
            long previous = SubwordCodec.BOS;
            List<Long> expected = new ArrayList<>();
            for (int t = 0; t < h.steps(); t++) {
                StepOutput step = model.decoder().step(ps, memory, state, m.create(new long[] {previous}), false);
                float[] lp = step.logProbs().toFloatArray();
                int best = -1;
                for (int v = 0; v < lp.length; v++) {
                    if (v != SubwordCodec.PAD && v != SubwordCodec.BOS && (best < 0 || lp[v] > lp[best])) {
                        best = v;
                    }
                }
                if (best == SubwordCodec.EOS) {
                    break;
                }
                expected.add((long) best);
                previous = best;
                state = step.next();
            }
            assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), h.tokens());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bigru, gru, additive", "transformer, transformer, multi-head"})
    void theRepetitionGuardCutsTheLoopsAnUntrainedModelFallsInto(String encoder, String type, String attention) {
        try (NDManager m = NDManager.newBaseManager()) {
            Seq2SeqBlock model = TinySeq2Seq.build(m, encoder, type, attention);
            DecodeOptions unguarded = new DecodeOptions(2, 40, 30, 0, 0, 0, 2, false, 0);
            int loops = 0;
            for (List<Hypothesis> hyps : BeamSearch.search(model, m, SOURCES, unguarded)) {
                loops += longestRun(hyps.get(0).tokens()) > 3 ? 1 : 0;
            }
            assertTrue(loops > 0, "the untrained model should repeat itself without the guard");
            for (List<Hypothesis> hyps : BeamSearch.search(model, m, SOURCES, unguarded.withMaxRepeat(3))) {
                for (Hypothesis h : hyps) {
                    long[] t = h.tokens();
                    assertTrue(longestRun(t) <= 3, "a subword four times in a row: " + Arrays.toString(t));
                    assertTrue(RepetitionGuard.banned(Arrays.copyOf(t, t.length - 1), 3).stream()
                            .noneMatch(b -> b == t[t.length - 1]), "the last subword was banned: " + Arrays.toString(t));
                }
            }
        }
    }

    private static int longestRun(long[] tokens) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < tokens.length; i++) {
            run = i > 0 && tokens[i] == tokens[i - 1] ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2", "3"})
    void noRepeatNgramMinimumAndMaximumLengthAreHonoured(int n) {
        try (NDManager m = NDManager.newBaseManager()) {
            Seq2SeqBlock model = TinySeq2Seq.build(m, "bigru", "gru", "dot");
            DecodeOptions options = new DecodeOptions(3, 9, 6, 0, 0, n, 3, false);
            for (List<Hypothesis> hyps : BeamSearch.search(model, m, SOURCES, options)) {
                for (Hypothesis h : hyps) {
                    long[] t = h.tokens();
                    assertTrue(h.steps() >= 7 || !h.ended(), "no </s> before the minimum length");
                    assertTrue(h.steps() <= 9, "at most maxLength tokens");
                    Set<List<Long>> seen = new HashSet<>();
                    for (int i = 0; i + n <= t.length; i++) {
                        List<Long> gram = new ArrayList<>();
                        for (int j = 0; j < n; j++) {
                            gram.add(t[i + j]);
                        }
                        assertTrue(seen.add(gram), "the " + n + "-gram " + gram + " repeats");
                    }
                    for (long token : t) {
                        assertFalse(token == SubwordCodec.PAD || token == SubwordCodec.BOS || token == SubwordCodec.EOS);
                    }
                    assertTrue(h.attention().isEmpty(), "no attention unless asked");
                }
            }
        }
    }
}
