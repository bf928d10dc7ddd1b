package dev.heed.tasks.classification;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.heed.encoders.AttentionMap;
import dev.heed.encoders.Capability;
import dev.heed.encoders.EncoderBlock;
import dev.heed.encoders.EncoderOutput;
import java.util.List;

/**
 * A classification head over any encoder with a pooled output: {@code logits = W dropout(pooled) + b}.
 * Ids and mask {@code (B, S)} in, logits {@code (B, labels)} out (DJL protocol: {@code [ids, mask]} to
 * {@code [logits]}). Building it with an encoder that has no pooled output fails at once, naming the
 * capability.
 */
public final class ClassifierBlock extends AbstractBlock {

    private final EncoderBlock encoder;
    private final Linear head;
    private final int labels;
    private final float dropout;

    /** Logits {@code (B, labels)} and the attention maps the encoder captured. */
    public record Classified(NDArray logits, List<AttentionMap> attention) {
    }

    public ClassifierBlock(EncoderBlock encoder, int labels, float dropout) {
        encoder.spec().require(Capability.POOLED_STATE, "classification");
        if (labels < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 labels, got " + labels);
        }
        this.encoder = addChildBlock("encoder", encoder);
        this.head = addChildBlock("head", Linear.builder().setUnits(labels).build());
        this.labels = labels;
        this.dropout = dropout;
    }

    /** The head's parameters by their names in weight files: {@code weight (labels, P)} and {@code bias}. */
    public java.util.Map<String, ai.djl.nn.Parameter> headParameters() {
        java.util.Map<String, ai.djl.nn.Parameter> parameters = new java.util.LinkedHashMap<>(); // one order, every run
        parameters.put("weight", head.getParameters().get("weight"));
        parameters.put("bias", head.getParameters().get("bias"));
        return parameters;
    }

    /** Number of classes. */
    public int labels() {
        return labels;
    }

    /** The encoder underneath. */
    public EncoderBlock encoder() {
        return encoder;
    }

    /** Logits and, when {@code capture}, the attention that produced them. */
    public Classified classify(ParameterStore ps, NDArray ids, NDArray mask, boolean training, boolean capture) {
        EncoderOutput out = encoder.encode(ps, ids, mask, training, capture);
        NDArray pooled = out.pooled().orElseThrow();
        if (training && dropout > 0) {
            pooled = Dropout.dropout(pooled, dropout, true).singletonOrThrow();
        }
        return new Classified(head.forward(ps, new NDList(pooled), training).singletonOrThrow(), out.attention());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(classify(ps, inputs.get(0), inputs.get(1), training, false).logits());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), labels)};
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes);
        head.initialize(manager, dataType, new Shape(1, encoder.spec().pooledSize()));
    }
}
