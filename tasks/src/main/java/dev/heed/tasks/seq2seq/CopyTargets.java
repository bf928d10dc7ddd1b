package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;

/**
 * Where a pointer-generator puts the attention it copies: each source position's share goes to the vocabulary id
 * of its token, and a token that occurs several times gets the sum of its positions' attention (See et al. 2017,
 * eq. 9). Computed once per source by {@link #of}; {@link #distribution} is differentiable in the attention and
 * the copy weight.
 *
 * <p>How: the attention of repeated tokens is first summed onto their first occurrence ({@code merge}), then
 * scattered into a zero vocabulary row; later occurrences write 0 into the {@code <pad>} column, which is never a
 * target. So every column is written once (a plain scatter is right; there is no scatter-add on DJL's API) and the
 * gradient reaches every occurrence exactly once. Arrays belong to the caller's manager. Immutable.
 *
 * @param index {@code (B, S)} int64: the token id at a token's first occurrence, {@code <pad>} (0) elsewhere
 * @param merge {@code (B, S, S)} float: {@code merge[b, j, i] = 1} when position {@code j}'s attention goes to
 *     {@code i}, the first position holding the same token
 */
public record CopyTargets(NDArray index, NDArray merge) {

    public CopyTargets {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(merge, "merge");
    }

    /**
     * The copy targets of source ids {@code ids} {@code (B, S)} (int64) under {@code mask} {@code (B, S)} (1 for
     * real tokens; padding never receives mass because its attention is 0).
     */
    public static CopyTargets of(NDArray ids, NDArray mask) {
        long s = ids.getShape().get(1);
        NDArray same = ids.expandDims(2).eq(ids.expandDims(1)).toType(DataType.FLOAT32, false);  // (B, S, S) [i, j]
        NDArray positions = ids.getManager().arange(0f, (float) s);
        NDArray row = positions.expandDims(1);                                                // i
        NDArray column = positions.expandDims(0);                                             // j
        NDArray earlier = column.lt(row).toType(DataType.FLOAT32, false);                     // [i, j]: j < i
        NDArray first = same.mul(earlier).sum(new int[] {2}).eq(0).toType(DataType.FLOAT32, false); // (B, S)
        // position j's mass goes to the first i with the same id: same[i, j], i first (so i <= j)
        NDArray notAfter = row.lte(column).toType(DataType.FLOAT32, false);                   // [i, j]: i <= j
        NDArray firstOf = same.mul(notAfter).mul(first.expandDims(2));                        // [i, j]
        NDArray merge = firstOf.transpose(0, 2, 1);                                          // [j, i]
        NDArray index = ids.mul(first.toType(DataType.INT64, false));
        return new CopyTargets(index, merge.mul(mask.expandDims(2)));
    }

    /**
     * The copy distribution over a vocabulary of {@code vocab} ids.
     *
     * @param attention {@code (B, T, S)} attention over the source (rows sum to 1)
     * @param weight {@code (B, T, 1)} the share copied, {@code 1 - p_gen}
     * @return {@code (B, T, V)}: {@code weight x} the attention summed per source token id
     */
    public NDArray distribution(NDArray attention, NDArray weight, int vocab) {
        long b = attention.getShape().get(0);
        long t = attention.getShape().get(1);
        long s = attention.getShape().get(2);
        NDArray onFirst = attention.matMul(merge).mul(weight);                               // (B, T, S)
        NDArray at = index.expandDims(1).broadcast(new Shape(b, t, s));
        return attention.getManager().zeros(new Shape(b, t, vocab), attention.getDataType()).scatter(at, onFirst, 2);
    }

    /**
     * A pointer-generator's next-token log-probabilities, {@code log(p_gen softmax(scores) + (1 - p_gen) copy)}, with
     * a floor of 1e-10 under the log where both parts are 0.
     *
     * @param scores {@code (B, T, V)} the output layer's scores
     * @param attention {@code (B, T, S)} the copy attention (rows sum to 1)
     * @param pGen {@code (B, T, 1)} the generation probability
     * @return {@code (B, T, V)} log-probabilities (their log-softmax is themselves)
     */
    public NDArray logProbs(NDArray scores, NDArray attention, NDArray pGen) {
        int vocab = (int) scores.getShape().get(2);
        NDArray generated = scores.softmax(-1).mul(pGen);
        return generated.add(distribution(attention, pGen.neg().add(1f), vocab)).add(1e-10f).log();
    }
}
