package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;
import dev.heed.attention.PreparedKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a decoder keeps of the encoded source for every step: the cross-attention keys prepared once per layer
 * and, for a GRU, the state it starts from. Arrays belong to the caller's manager. Immutable.
 *
 * @param keys per decoder layer, the source made ready for that layer's cross-attention
 * @param mask {@code (B, S)}: 1 for real source tokens
 * @param initial the decoder's initial state {@code (B, D)} derived from the encoder, when it has one
 * @param copy where a copying decoder puts each source position's attention, when it copies
 */
public record DecoderMemory(List<PreparedKeys> keys, NDArray mask, Optional<NDArray> initial,
        Optional<CopyTargets> copy) {

    public DecoderMemory {
        keys = List.copyOf(keys);
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(copy, "copy");
    }

    /**
     * This memory for the rows {@code rows} only, in that order (row {@code i} of the result is row {@code rows[i]}
     * here): how beam search drops the inputs it has finished. New arrays on the same managers.
     */
    public DecoderMemory select(long[] rows) {
        List<PreparedKeys> picked = new ArrayList<>(keys.size());
        for (PreparedKeys k : keys) {
            picked.add(Rows.pick(k, rows));
        }
        return new DecoderMemory(picked, Rows.pick(mask, rows), initial.map(i -> Rows.pick(i, rows)),
                copy.map(c -> new CopyTargets(Rows.pick(c.index(), rows), Rows.pick(c.merge(), rows))));
    }

}
