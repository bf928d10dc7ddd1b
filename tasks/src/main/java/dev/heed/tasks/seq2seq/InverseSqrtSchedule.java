package dev.heed.tasks.seq2seq;

import ai.djl.training.tracker.Tracker;

/**
 * The Transformer's learning rate (Vaswani et al. 2017, as fairseq's {@code inverse_sqrt}): linear warm-up
 * from 0 to {@code peak} over {@code warmup} updates, then {@code peak x sqrt(warmup / update)}. Immutable.
 */
final class InverseSqrtSchedule implements Tracker {

    private final float peak;
    private final int warmup;

    InverseSqrtSchedule(float peak, int warmup) {
        if (!(peak > 0) || warmup < 1) {
            throw new IllegalArgumentException("need a positive peak rate and warm-up, got " + peak + " and " + warmup);
        }
        this.peak = peak;
        this.warmup = warmup;
    }

    @Override
    public float getNewValue(int numUpdate) {
        int update = Math.max(1, numUpdate);
        return update < warmup ? peak * update / warmup : peak * (float) Math.sqrt(warmup / (double) update);
    }
}
