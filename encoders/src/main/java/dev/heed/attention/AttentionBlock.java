package dev.heed.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Optional;

/**
 * The one contract every attention variant keeps: queries, keys, values and a mask in; context vectors and
 * the weights per head out.
 *
 * <p>Shapes: {@code B} batch, {@code T} queries, {@code S} keys, {@code H} heads. Queries {@code (B, T, Dq)},
 * keys {@code (B, S, Dk)}, values {@code (B, S, Dv)}, mask {@code (B, S)} (1 = real key, 0 = padding) or
 * {@code (B, T, S)}. Context {@code (B, T, outputDim())}; weights {@code (B, H, T, S)}, per head, never
 * pre-averaged, each row summing to 1 over unmasked keys, masked keys exactly 0; a row that sees no unmasked
 * key at all (a padded query of {@code sliding-window} far from any real key) is all 0
 * ({@code AttentionContractTest} checks every variant).
 *
 * <p>Capturing weights is a switch: with {@code capture} false no weight matrix is returned or copied.
 * A block holds no state between calls: what can be computed once per source ({@link #prepare}) is a value
 * the caller passes back. Blocks are DJL blocks (parameters, initialization, training); their arrays are
 * owned by the model's manager, call results by the inputs' manager. Not thread-safe during training;
 * inference calls on an initialized block may run concurrently.
 */
public abstract class AttentionBlock extends AbstractBlock {

    protected final AttentionConfig config;

    protected AttentionBlock(AttentionConfig config) {
        this.config = config;
    }

    /** The variant's SPI name, e.g. {@code additive}. */
    public abstract String name();

    /** Number of heads {@code H} in the weights. */
    public int heads() {
        return 1;
    }

    /** Size of each context vector. */
    public int outputDim() {
        return config.valueDim();
    }

    /** Whether this variant has a T x S weight matrix to show ({@code false} for {@code linear}). */
    public boolean producesWeights() {
        return true;
    }

    /** The config it was built with. */
    public AttentionConfig config() {
        return config;
    }

    /** Keys and values made ready for repeated queries; the default keeps them as they are. */
    public PreparedKeys prepare(ParameterStore ps, NDArray keys, NDArray values, NDArray mask, boolean training) {
        return new PreparedKeys(keys, values, mask);
    }

    /** Attends from {@code queries} {@code (B, T, Dq)} to prepared keys. */
    public abstract AttentionOutput attend(ParameterStore ps, NDArray queries, PreparedKeys prepared,
            boolean training, boolean capture);

    /** Prepares and attends in one call. */
    public AttentionOutput attend(ParameterStore ps, NDArray queries, NDArray keys, NDArray values, NDArray mask,
            boolean training, boolean capture) {
        return attend(ps, queries, prepare(ps, keys, values, mask, training), training, capture);
    }

    /** DJL protocol: inputs {@code [queries, keys, values, mask]}, output {@code [context]}. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != 4) {
            throw new IllegalArgumentException(name() + " attention takes [queries, keys, values, mask], got "
                    + inputs.size() + " arrays");
        }
        return new NDList(attend(ps, inputs.get(0), inputs.get(1), inputs.get(2), inputs.get(3), training, false)
                .context());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape q = inputShapes[0];
        return new Shape[] {new Shape(q.get(0), q.get(1), outputDim())};
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        // variants with child blocks override this
    }

    /** Checks that queries have the configured size; fails naming the mismatch. */
    protected void checkQueries(NDArray queries) {
        check("queries", queries, config.queryDim());
    }

    /** Checks that keys and values have the configured sizes and one length; fails naming the mismatch. */
    protected void checkKeys(NDArray keys, NDArray values) {
        check("keys", keys, config.keyDim());
        check("values", values, config.valueDim());
        if (keys.getShape().get(1) != values.getShape().get(1)) {
            throw new IllegalArgumentException(name() + " attention: keys " + keys.getShape() + " and values "
                    + values.getShape() + " differ in length");
        }
    }

    private void check(String what, NDArray array, int dim) {
        Shape s = array.getShape();
        if (s.dimension() != 3 || s.get(2) != dim) {
            throw new IllegalArgumentException(name() + " attention expects " + what + " of shape (B, L, " + dim
                    + "), got " + s);
        }
    }

    /** Weights when capturing, else empty. */
    protected static Optional<NDArray> captured(NDArray weights, boolean capture) {
        return capture ? Optional.of(weights) : Optional.empty();
    }
}
