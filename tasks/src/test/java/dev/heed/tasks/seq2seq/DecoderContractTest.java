package dev.heed.tasks.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every decoder and cross-attention keeps {@link SequenceDecoder}'s contract: stepping one token at a time
 * gives the teacher-forced pass's log-probabilities and cross-attention at every position, attention rows sum
 * to 1 over the real source tokens only, and padding a source changes nothing for it.
 */
class DecoderContractTest {

    static Stream<Arguments> decoders() {
        return Stream.of(Arguments.of("bigru", "gru", "additive", ""), Arguments.of("bigru", "gru", "dot", ""),
                Arguments.of("bigru", "gru", "general", ""), Arguments.of("bigru", "gru", "local-p", ""),
                Arguments.of("transformer", "gru", "additive", ""),
                Arguments.of("transformer", "transformer", "multi-head", ""),
                Arguments.of("bigru", "transformer", "multi-head", ""), Arguments.of("bigru", "gru", "dot", "copy"),
                Arguments.of("bigru", "gru", "additive", "copy coverage"),
                Arguments.of("transformer", "gru", "additive", "coverage"),
                Arguments.of("bigru", "transformer", "multi-head", "copy"),
                Arguments.of("transformer", "transformer", "multi-head", "copy"));
    }

    @ParameterizedTest(name = "{0} + {1} decoder + {2} {3}")
    @MethodSource("decoders")
    void steppingEqualsTheForcedPassAndPaddingChangesNothing(String encoder, String type, String attention,
            String features) {
        try (NDManager m = NDManager.newBaseManager()) {
            Seq2SeqBlock model = TinySeq2Seq.build(m, encoder, type, attention, features.contains("copy"),
                    features.contains("coverage"));
            ParameterStore ps = new ParameterStore(m, false);
            long[] sources = {5, 9, 12, 7, 3, 0, 0, 8, 6, 11, 13, 22, 17, 3};
            float[] mask = {1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1};
            NDArray src = m.create(sources, new Shape(2, 7));
            NDArray srcMask = m.create(mask, new Shape(2, 7));
            long[] targets = {2, 14, 8, 30, 9, 2, 21, 21, 4, 6};
            NDArray tgt = m.create(targets, new Shape(2, 5));
            DecoderMemory memory = model.remember(ps, src, srcMask, false);
            ForcedOutput forced = model.decoder().forced(ps, memory, tgt, false, true);
            NDArray forcedLogProbs = forced.logits().logSoftmax(-1);
            int layers = model.decoder().attentionLayers();
            assertEquals(layers, forced.attention().size());
            DecoderState state = model.decoder().start(ps, memory);
            for (int t = 0; t < 5; t++) {
                StepOutput step = model.decoder().step(ps, memory, state, tgt.get(new NDIndex(":, {}", t)), true);
                assertArrayEquals(forcedLogProbs.get(new NDIndex(":, {}, :", t)).toFloatArray(),
                        step.logProbs().toFloatArray(), 1e-4f, "log-probabilities at step " + t);
                for (int l = 0; l < layers; l++) {
                    assertArrayEquals(forced.attention().get(l).get(new NDIndex(":, :, {}, :", t)).toFloatArray(),
                            step.attention().get(l).toFloatArray(), 1e-5f, "attention of layer " + l + " at step " + t);
                }
                state = step.next();
            }
            NDArray weights = forced.attention().get(layers - 1);                         // (B, H, T, S)
            float[] padded = weights.get(new NDIndex("0, :, :, 5:")).toFloatArray();
            for (float w : padded) {
                assertEquals(0f, w, "padding gets no attention");
            }
            float[] sums = weights.sum(new int[] {3}).toFloatArray();
            for (float s : sums) {
                assertEquals(1f, s, 1e-5f);
            }
            // The first source alone, unpadded, gives the same numbers.
            DecoderMemory alone = model.remember(ps, src.get(new NDIndex("0:1, 0:5")), srcMask.get(new NDIndex("0:1, 0:5")),
                    false);
            ForcedOutput single = model.decoder().forced(ps, alone, tgt.get(new NDIndex("0:1")), false, true);
            assertArrayEquals(forced.logits().get(new NDIndex("0:1")).toFloatArray(), single.logits().toFloatArray(), 1e-4f);
            assertArrayEquals(weights.get(new NDIndex("0:1, :, :, 0:5")).toFloatArray(),
                    single.attention().get(layers - 1).toFloatArray(), 1e-5f);
        }
    }

    @ParameterizedTest(name = "{0} + {1} decoder + {2} {3}")
    @MethodSource("decoders")
    void callsLeaveNoArrayInTheModelsManager(String encoder, String type, String attention,
            String features) {
        try (NDManager m = NDManager.newBaseManager()) {
            Seq2SeqBlock model = TinySeq2Seq.build(m, encoder, type, attention, features.contains("copy"),
                    features.contains("coverage"));
            int before = m.getManagedArrays().size();
            try (NDManager call = m.newSubManager()) {
                ParameterStore ps = new ParameterStore(call, false);
                NDArray src = call.create(new long[] {5, 9, 12, 3}, new Shape(1, 4));
                DecoderMemory memory = model.remember(ps, src, call.ones(new Shape(1, 4)), false);
                model.decoder().forced(ps, memory, call.create(new long[] {2, 7, 8}, new Shape(1, 3)), false, true);
                model.decoder().step(ps, memory, model.decoder().start(ps, memory), call.create(new long[] {2}), true);
            }
            assertEquals(before, m.getManagedArrays().size(), "every array of a call belongs to the call's manager");
        }
    }
}
