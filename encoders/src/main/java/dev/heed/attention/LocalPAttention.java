package dev.heed.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * Luong local-predictive attention (Luong et al. 2015, <a href="https://arxiv.org/abs/1508.04025">arXiv:1508.04025</a>,
 * section 3.2): each query predicts a centre {@code p_t = (L - 1) sigmoid(v_p · tanh(W_p q_t))} in its source
 * of length {@code L}, sees only the keys within {@code D = window} of it, and its general scores
 * {@code q · W_a k} are favoured by a Gaussian {@code exp(-(s - p_t)^2 / (2 sigma^2))}, {@code sigma = D / 2}.
 * The Gaussian is applied before the softmax (as a log-bias), so each row still sums to 1 over the visible
 * keys. Uses {@code queryDim}, {@code keyDim}, {@code valueDim}, {@code hiddenDim} (the predictor's layer)
 * and {@code window}.
 */
public final class LocalPAttention extends GeneralScoredAttention {

    public static final String NAME = "local-p";

    private final Linear positionLayer;
    private final Parameter positionVector;

    public LocalPAttention(AttentionConfig config) {
        super(config);
        positionLayer = addChildBlock("position", Linear.builder().setUnits(config.hiddenDim()).optBias(false).build());
        positionVector = addParameter(Parameter.builder().setName("v_p").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.hiddenDim(), 1)).build());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AttentionOutput attend(ParameterStore ps, NDArray queries, PreparedKeys prepared, boolean training,
            boolean capture) {
        checkQueries(queries);
        NDArray keep = Masks.keep4d(prepared.mask());                                   // (B, 1, 1|T, S)
        long sourceLength = prepared.keys().getShape().get(1);
        NDArray lengths = keep.max(new int[] {2}, true).sum(new int[] {3}, true);       // (B, 1, 1, 1)
        NDArray vp = ps.getValue(positionVector, queries.getDevice(), training);
        NDArray centre = ai.djl.nn.Activation.sigmoid(apply(positionLayer, ps, queries, training).tanh()
                .matMul(vp)).expandDims(1).mul(lengths.sub(1f));                        // (B, 1, T, 1)
        NDArray positions = queries.getManager().arange(0f, (float) sourceLength)
                .reshape(1, 1, 1, sourceLength);                                        // (1, 1, 1, S)
        NDArray distance = positions.sub(centre);                                      // (B, 1, T, S)
        float sigma = config.window() / 2f;
        NDArray inWindow = distance.abs().lte((float) config.window()).toType(DataType.FLOAT32, false);
        NDArray gaussianLog = distance.square().div(-2f * sigma * sigma);
        NDArray scores = scores(ps, queries, prepared, training).expandDims(1).add(gaussianLog);
        NDArray weights = Masks.maskedSoftmax(scores, keep.mul(inWindow));              // (B, 1, T, S)
        NDArray context = weights.squeeze(1).matMul(prepared.values());                 // (B, T, Dv)
        return new AttentionOutput(context, captured(weights, capture));
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        super.initializeChildBlocks(manager, dataType, inputShapes);
        positionLayer.initialize(manager, dataType, new Shape(1, config.queryDim()));
    }
}
