package dev.heed.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A lookup table of {@code count} vectors of size {@code dim}: ids {@code (B, S)} to vectors {@code (B, S, dim)}.
 * Its one parameter is named {@code weight} {@code (count, dim)}, as in PyTorch and HuggingFace.
 */
public final class TokenEmbedding extends AbstractBlock {

    private final Parameter weight;

    public TokenEmbedding(int count, int dim) {
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(count, dim)).build());
    }

    /** Looks up {@code ids}. */
    public NDArray lookup(ParameterStore ps, NDArray ids, boolean training) {
        return Embedding.embedding(ids, ps.getValue(weight, ids.getDevice(), training), SparseFormat.DENSE)
                .singletonOrThrow();
    }

    /** The table itself. */
    public Parameter weight() {
        return weight;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(lookup(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].addAll(new Shape(weight.getShape().get(1)))};
    }
}
