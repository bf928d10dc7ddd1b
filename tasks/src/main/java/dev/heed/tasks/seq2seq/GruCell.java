package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.heed.attention.BlockCalls;

/**
 * One step of a GRU (Cho et al. 2014), PyTorch's formulation: {@code r = σ(W_ir x + W_hr h)},
 * {@code z = σ(W_iz x + W_hz h)}, {@code n = tanh(W_in x + r ⊙ (W_hn h))}, {@code h' = (1 - z) ⊙ n + z ⊙ h}.
 * A decoder needs one step at a time (input feeding makes step t wait for step t - 1), which DJL's sequence
 * GRU does not offer. Input {@code (B, inputSize)}, state {@code (B, hidden)}.
 */
final class GruCell extends AbstractBlock {

    private final int inputSize;
    private final int hidden;
    private final Linear input;
    private final Linear recurrent;

    GruCell(int inputSize, int hidden) {
        this.inputSize = inputSize;
        this.hidden = hidden;
        input = addChildBlock("input", Linear.builder().setUnits(3L * hidden).build());
        recurrent = addChildBlock("recurrent", Linear.builder().setUnits(3L * hidden).build());
    }

    /** The next state after reading {@code x} in state {@code h}. */
    NDArray step(ParameterStore ps, NDArray x, NDArray h, boolean training) {
        NDList gi = BlockCalls.apply(input, ps, x, training).split(3, 1);
        NDList gh = BlockCalls.apply(recurrent, ps, h, training).split(3, 1);
        NDArray r = Activation.sigmoid(gi.get(0).add(gh.get(0)));
        NDArray z = Activation.sigmoid(gi.get(1).add(gh.get(1)));
        NDArray n = gi.get(2).add(r.mul(gh.get(2))).tanh();
        return n.sub(n.mul(z)).add(z.mul(h));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(step(ps, inputs.get(0), inputs.get(1), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), hidden)};
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        input.initialize(manager, dataType, new Shape(1, inputSize));
        recurrent.initialize(manager, dataType, new Shape(1, hidden));
    }
}
