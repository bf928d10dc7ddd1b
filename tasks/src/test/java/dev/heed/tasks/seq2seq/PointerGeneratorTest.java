package dev.heed.tasks.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.heed.engine.EngineArrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pointer-generator's arithmetic against plain Java: the copy distribution sums the attention of repeated source
 * tokens onto their id (and its gradient reaches every occurrence once), a step's distribution is exactly
 * {@code p_gen P_vocab + (1 - p_gen) copy}, and the coverage loss is {@code sum_i min(a_ti, c_ti)}.
 */
class PointerGeneratorTest {

    private static final int VOCAB = 12;

    @Test
    void copyDistributionSumsRepeatedTokensAndItsGradientReachesEachOccurrenceOnce() {
        try (NDManager m = NDManager.newBaseManager()) {
            long[] ids = {5, 7, 5, 9, 5, 0, 0, 8, 8, 4, 6, 4, 4, 4};     // two rows of 7, repeats, padding
            float[] mask = {1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1};
            Random random = new Random(3);
            float[] attention = new float[2 * 3 * 7];                     // (B=2, T=3, S=7), rows sum to 1
            for (int row = 0; row < 6; row++) {
                float sum = 0;
                for (int s = 0; s < 7; s++) {
                    float w = mask[(row / 3) * 7 + s] == 1 ? random.nextFloat() : 0;
                    attention[row * 7 + s] = w;
                    sum += w;
                }
                for (int s = 0; s < 7; s++) {
                    attention[row * 7 + s] /= sum;
                }
            }
            float[] weight = {0.2f, 0.5f, 0.9f, 0.1f, 0.4f, 0.7f};         // (B, T, 1): 1 - p_gen
            CopyTargets targets = CopyTargets.of(EngineArrays.of(m, ids, new Shape(2, 7)),
                    EngineArrays.of(m, mask, new Shape(2, 7)));
            NDArray a = EngineArrays.of(m, attention, new Shape(2, 3, 7));
            NDArray w = EngineArrays.of(m, weight, new Shape(2, 3, 1));
            a.setRequiresGradient(true);
            float[] upstream = new float[2 * 3 * VOCAB];
            for (int i = 0; i < upstream.length; i++) {
                upstream[i] = random.nextFloat() - 0.5f;
            }
            float[] expected = new float[2 * 3 * VOCAB];
            float[] expectedGradient = new float[attention.length];
            for (int b = 0; b < 2; b++) {
                for (int t = 0; t < 3; t++) {
                    int row = b * 3 + t;
                    for (int s = 0; s < 7; s++) {
                        int id = (int) ids[b * 7 + s];
                        if (mask[b * 7 + s] == 1) {
                            expected[row * VOCAB + id] += weight[row] * attention[row * 7 + s];
                            expectedGradient[row * 7 + s] = weight[row] * upstream[row * VOCAB + id];
                        }
                    }
                }
            }
            try (GradientCollector gc = ai.djl.engine.Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray copy = targets.distribution(a, w, VOCAB);
                assertArrayEquals(expected, copy.toFloatArray(), 1e-6f);
                gc.backward(copy.mul(EngineArrays.of(m, upstream, new Shape(2, 3, VOCAB))).sum());
            }
            float[] gradient = a.getGradient().toFloatArray();
            for (int i = 0; i < attention.length; i++) {
                if (mask[(i / 21) * 7 + i % 7] == 1) {
                    assertEquals(expectedGradient[i], gradient[i], 1e-6f, "gradient of attention element " + i);
                }
            }
        }
    }

    @Test
    void aStepIsTheMixtureOfGenerationAndCopyAndCoverageLossIsTheOverlap() {
        try (NDManager m = NDManager.newBaseManager()) {
            Seq2SeqBlock model = TinySeq2Seq.build(m, "bigru", "gru", "additive", true, true);
            int vocab = model.decoder().config().vocabSize();
            ParameterStore ps = new ParameterStore(m, false);
            long[] sources = {5, 9, 5, 7, 5, 3};
            NDArray src = m.create(sources, new Shape(1, 6));
            DecoderMemory memory = model.remember(ps, src, m.ones(new Shape(1, 6)), false);
            long[] targets = {2, 5, 9, 30};
            ForcedOutput forced = model.decoder().forced(ps, memory, m.create(targets, new Shape(1, 4)), false, true);
            float[] attention = forced.attention().get(0).toFloatArray();                    // (1, 1, T, S)
            float[] coverageLoss = forced.coverageLoss().orElseThrow().toFloatArray();        // (1, T)
            float[] coverage = new float[6];
            for (int t = 0; t < 4; t++) {
                float overlap = 0;
                for (int i = 0; i < 6; i++) {
                    overlap += Math.min(attention[t * 6 + i], coverage[i]);
                    coverage[i] += attention[t * 6 + i];
                }
                assertEquals(overlap, coverageLoss[t], 1e-5f, "coverage loss at position " + t);
            }
            assertEquals(0f, coverageLoss[0], "nothing is covered before the first step");

            DecoderState state = model.decoder().start(ps, memory);
            for (int t = 0; t < 4; t++) {
                StepOutput step = model.decoder().step(ps, memory, state, m.create(new long[] {targets[t]}), true);
                float copyShare = step.copyShare().orElseThrow().getFloat(0);
                assertTrue(copyShare > 0 && copyShare < 1, "1 - p_gen in (0, 1): " + copyShare);
                float[] probs = step.logProbs().exp().toFloatArray();
                float[] a = step.attention().get(0).toFloatArray();                           // (1, 1, S)
                float[] copied = new float[vocab];
                for (int i = 0; i < 6; i++) {
                    copied[(int) sources[i]] += copyShare * a[i];
                }
                float generated = 0;
                for (int v = 0; v < vocab; v++) {
                    float rest = probs[v] - copied[v];
                    assertTrue(rest > -1e-5f, "the copied part never exceeds the token's probability, id " + v);
                    generated += rest;
                }
                assertEquals(1 - copyShare, generated, 1e-4f, "the generated part sums to p_gen at step " + t);
                assertTrue(probs[5] >= copied[5] && copied[5] > 0, "token 5 occurs three times in the source");
                state = step.next();
            }
        }
    }

    @Test
    void coverageNeedsAdditiveAttentionOnAGruDecoder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DecoderConfig("gru",
                "dot", 40, 8, 8, 1, 1, 1, 8, 3, 0f, false, 20, false, true));
        assertTrue(e.getMessage().contains("additive"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DecoderConfig("transformer", "multi-head", 40, 8,
                8, 1, 2, 8, 8, 3, 0f, true, 20, true, true));
        assertTrue(e.getMessage().contains("gru"), e.getMessage());
        assertTrue(new DecoderConfig("transformer", "multi-head", 40, 8, 8, 1, 2, 8, 8, 3, 0f, true, 20, true, false)
                .copy(), "the transformer decoder copies");
    }

    @Test
    void theForcedPassOfACopyingDecoderGivesNormalizedLogProbabilities() {
        try (NDManager m = NDManager.newBaseManager()) {
            Seq2SeqBlock model = TinySeq2Seq.build(m, "bigru", "gru", "additive", true, false);
            ParameterStore ps = new ParameterStore(m, false);
            DecoderMemory memory = model.remember(ps, m.create(new long[] {5, 9, 5, 3}, new Shape(1, 4)),
                    m.ones(new Shape(1, 4)), false);
            ForcedOutput forced = model.decoder().forced(ps, memory, m.create(new long[] {2, 5, 9}, new Shape(1, 3)),
                    false, false);
            float[] sums = forced.logits().exp().sum(new int[] {2}).toFloatArray();
            for (float s : sums) {
                assertEquals(1f, s, 1e-5f);
            }
            assertTrue(forced.attention().isEmpty(), "attention is handed out only when captured");
            assertTrue(forced.coverageLoss().isEmpty(), "no coverage, no coverage loss");
            assertEquals(3, forced.logits().get(new NDIndex("0")).getShape().get(0));
        }
    }

    @Test
    void aTransformerStepCopiesByItsLastLayersCrossAttentionAveragedOverHeads() {
        try (NDManager m = NDManager.newBaseManager()) {
            Seq2SeqBlock model = TinySeq2Seq.build(m, "transformer", "transformer", "multi-head", true, false);
            int vocab = model.decoder().config().vocabSize();
            int layers = model.decoder().attentionLayers();
            int heads = model.decoder().attentionHeads();
            ParameterStore ps = new ParameterStore(m, false);
            long[] sources = {5, 9, 5, 7, 5, 3};
            DecoderMemory memory = model.remember(ps, m.create(sources, new Shape(1, 6)), m.ones(new Shape(1, 6)),
                    false);
            DecoderState state = model.decoder().start(ps, memory);
            for (long token : new long[] {2, 5, 9}) {
                StepOutput step = model.decoder().step(ps, memory, state, m.create(new long[] {token}), true);
                float copyShare = step.copyShare().orElseThrow().getFloat(0);
                float[] probs = step.logProbs().exp().toFloatArray();
                float[] last = step.attention().get(layers - 1).toFloatArray();               // (1, H, S)
                float[] copied = new float[vocab];
                for (int h = 0; h < heads; h++) {
                    for (int i = 0; i < 6; i++) {
                        copied[(int) sources[i]] += copyShare * last[h * 6 + i] / heads;
                    }
                }
                float generated = 0;
                for (int v = 0; v < vocab; v++) {
                    assertTrue(probs[v] - copied[v] > -1e-5f, "copied part within the probability, id " + v);
                    generated += probs[v] - copied[v];
                }
                assertEquals(1 - copyShare, generated, 1e-4f, "the generated part sums to p_gen");
                state = step.next();
            }
        }
    }
}
