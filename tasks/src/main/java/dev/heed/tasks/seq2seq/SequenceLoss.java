package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;

/**
 * Label-smoothed cross-entropy over target tokens (Szegedy et al. 2016): each position's loss is
 * {@code (1 - eps) x (-log p(gold)) + eps x mean_v(-log p(v))}, averaged over the real (unmasked) positions
 * only, so padding never contributes. Stateless.
 */
final class SequenceLoss {

    private SequenceLoss() {
    }

    /**
     * @param logits {@code (B, T, V)}
     * @param gold {@code (B, T)} int64 target ids
     * @param mask {@code (B, T)} 1 for real positions
     * @param smoothing {@code eps} in [0, 1)
     */
    static NDArray labelSmoothed(NDArray logits, NDArray gold, NDArray mask, float smoothing) {
        NDArray logProbs = logits.logSoftmax(-1);
        NDArray nll = logProbs.gather(gold.expandDims(-1), -1).squeeze(-1).neg();               // (B, T)
        NDArray loss = smoothing > 0
                ? nll.mul(1 - smoothing).add(logProbs.mean(new int[] {-1}).neg().mul(smoothing)) : nll;
        return loss.mul(mask).sum().div(mask.sum());
    }
}
