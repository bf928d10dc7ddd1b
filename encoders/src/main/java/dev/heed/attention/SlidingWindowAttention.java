package dev.heed.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Optional;

/**
 * Sliding-window (banded) multi-head self-attention, as in Longformer's local attention (Beltagy et al. 2020,
 * <a href="https://arxiv.org/abs/2004.05150">arXiv:2004.05150</a>): query t sees only keys s with
 * {@code |t - s| <= w}, {@code w = window}. Computed block by block (blocks of w queries against the 3w keys
 * around them), so time and memory grow with {@code n w}, not {@code n^2}; the full {@code (B, H, T, S)}
 * matrix is built only when weights are captured. Inputs of at most {@code 3w} positions take a dense path
 * instead (full scores under the band mask): there the blocks would cost as many multiplications as the full
 * matrix and more operations, so dense is faster and its weights come for free; same results. Self-attention
 * only ({@code T == S}); key-padding masks {@code (B, S)}.
 */
public final class SlidingWindowAttention extends ProjectedAttention {

    public static final String NAME = "sliding-window";

    public SlidingWindowAttention(AttentionConfig config) {
        super(config);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    HeadsOutput attendHeads(NDArray q, NDArray k, NDArray v, NDArray mask, boolean capture) {
        Shape qs = q.getShape();
        long batch = qs.get(0);
        long heads = qs.get(1);
        int n = (int) qs.get(2);
        if (k.getShape().get(2) != n || mask.getShape().dimension() != 2) {
            throw new IllegalArgumentException("sliding-window attention is self-attention with a (B, S) mask:"
                    + " queries " + qs + ", keys " + k.getShape() + ", mask " + mask.getShape());
        }
        int w = config.window();
        if (n <= 3 * w) {
            return dense(q, k, v, mask, w, capture);
        }
        int blocks = (n + w - 1) / w;
        int padded = blocks * w;
        NDManager m = q.getManager();
        NDArray keep = mask.toType(DataType.FLOAT32, false);                              // (B, S)

        NDArray qb = padLength(q, padded - n, 2).reshape(batch, heads, blocks, w, headDim);    // (B, H, nb, w, d)
        NDArray kw = windows(padLength(padLength(k, padded - n, 2), w, 2, w), blocks, w);      // (B, H, nb, 3w, d)
        NDArray vw = windows(padLength(padLength(v, padded - n, 2), w, 2, w), blocks, w);
        NDArray keepPadded = padLength(padLength(keep, padded - n, 1), w, 1, w)                 // (B, (nb+2) w)
                .reshape(batch, 1, blocks + 2, w);
        NDArray keyKeep = NDArrays.concat(new ai.djl.ndarray.NDList(
                keepPadded.get(":, :, 0:" + blocks), keepPadded.get(":, :, 1:" + (blocks + 1)),
                keepPadded.get(":, :, 2:" + (blocks + 2))), 3).expandDims(3);                   // (B, 1, nb, 1, 3w)
        NDArray allowed = band(m, w).mul(keyKeep);                                               // (B, 1, nb, w, 3w)

        NDArray scores = qb.matMul(kw.transpose(0, 1, 2, 4, 3)).div((float) Math.sqrt(headDim));  // (B, H, nb, w, 3w)
        NDArray weights = Masks.maskedSoftmax(scores, allowed);
        NDArray context = weights.matMul(vw).reshape(batch, heads, padded, headDim)
                .get(":, :, 0:" + n);                                                            // (B, H, T, d)
        return new HeadsOutput(context, capture ? Optional.of(scatter(weights, n, w)) : Optional.empty());
    }

    /** Short inputs: full scores under the key mask and, where the band does not cover them all, the band. */
    private HeadsOutput dense(NDArray q, NDArray k, NDArray v, NDArray mask, int w, boolean capture) {
        int n = (int) q.getShape().get(2);
        NDArray allowed = n <= w + 1 ? Masks.keep4d(mask) : Masks.keep4d(mask).mul(denseBand(q.getManager(), n, w));
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div((float) Math.sqrt(headDim));   // (B, H, T, S)
        NDArray weights = Masks.maskedSoftmax(scores, allowed);
        return new HeadsOutput(weights.matMul(v), captured(weights, capture));
    }

    /** The 3w keys around each block: blocks i-1, i, i+1 of the key sequence padded by one block each side. */
    private NDArray windows(NDArray paddedKeys, int blocks, int w) {
        Shape s = paddedKeys.getShape();
        NDArray b = paddedKeys.reshape(s.get(0), s.get(1), blocks + 2, w, s.get(3));
        return NDArrays.concat(new ai.djl.ndarray.NDList(b.get(":, :, 0:" + blocks),
                b.get(":, :, 1:" + (blocks + 1)), b.get(":, :, 2:" + (blocks + 2))), 3);
    }

    /** {@code (1, 1, n, n)}: 1 where query t may see key s ({@code |t - s| <= w}). */
    private static NDArray denseBand(NDManager m, int n, int w) {
        NDArray positions = m.arange(0, n, 1, DataType.FLOAT32);
        return within(positions.reshape(n, 1), positions.reshape(1, n), 0, w).reshape(1, 1, n, n);
    }

    /** {@code (w, 3w)}: 1 where query a of a block may see key j of its window ({@code |j - w - a| <= w}). */
    private static NDArray band(NDManager m, int w) {
        NDArray queries = m.arange(0, w, 1, DataType.FLOAT32).reshape(w, 1);
        NDArray keys = m.arange(0, 3 * w, 1, DataType.FLOAT32).reshape(1, 3L * w);
        return within(queries, keys, w, w).reshape(1, 1, 1, w, 3L * w);
    }

    /**
     * 1 where {@code |key - offset - query| <= w}, else 0, as float. Built by the engine from {@code arange}: a
     * mask made on the Java heap and copied in each call would leave a direct buffer per call for the garbage
     * collector, whose reclaiming stalls the calls that follow.
     */
    private static NDArray within(NDArray queries, NDArray keys, int offset, int w) {
        return keys.sub(queries).sub((float) offset).abs().lte((float) w).toType(DataType.FLOAT32, false);
    }

    /** Zero-pads {@code after} positions at the end of {@code axis} (and {@code before} at its start). */
    private static NDArray padLength(NDArray x, int after, int axis) {
        return padLength(x, after, axis, 0);
    }

    private static NDArray padLength(NDArray x, int after, int axis, int before) {
        if (after == 0 && before == 0) {
            return x;
        }
        ai.djl.ndarray.NDList parts = new ai.djl.ndarray.NDList();
        if (before > 0) {
            parts.add(x.getManager().zeros(withLength(x.getShape(), axis, before), x.getDataType()));
        }
        parts.add(x);
        if (after > 0) {
            parts.add(x.getManager().zeros(withLength(x.getShape(), axis, after), x.getDataType()));
        }
        return NDArrays.concat(parts, axis);
    }

    private static Shape withLength(Shape s, int axis, long length) {
        long[] dims = s.getShape();
        dims[axis] = length;
        return new Shape(dims);
    }

    /**
     * The band weights {@code (B, H, nb, w, 3w)} laid out as the full {@code (B, H, T, S)} matrix in a fixed
     * number of native operations (no loop over blocks): block i's 3w columns belong at columns
     * {@code i w .. i w + 3w} of a matrix padded by w on each side. Each row of a block padded to
     * {@code P = (nb + 3) w} and the blocks' rows read back with stride {@code Q = P - w = (nb + 2) w} shifts
     * block i right by exactly {@code i w}; the zeros of the padding fill the rest.
     */
    private static NDArray scatter(NDArray bandWeights, int n, int w) {
        Shape s = bandWeights.getShape();
        long batch = s.get(0);
        long heads = s.get(1);
        int blocks = (int) s.get(2);
        long rowLength = (long) (blocks + 3) * w;
        long stride = rowLength - w;
        NDArray rows = bandWeights.transpose(0, 1, 3, 2, 4);                                   // (B, H, w, nb, 3w)
        NDArray padded = padLength(rows, (int) (rowLength - 3L * w), 4)                        // (B, H, w, nb, P)
                .reshape(batch, heads, w, blocks * rowLength)
                .get(":, :, :, 0:" + blocks * stride)
                .reshape(batch, heads, w, blocks, stride)                                       // (B, H, w, nb, Q)
                .transpose(0, 1, 3, 2, 4)
                .reshape(batch, heads, (long) blocks * w, stride);                              // (B, H, nb w, Q)
        return padded.get(":, :, 0:" + n + ", " + w + ":" + (w + n));
    }
}
