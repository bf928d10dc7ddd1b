package dev.heed.tasks.seq2seq;

import ai.djl.ndarray.NDArray;
import dev.heed.attention.PreparedKeys;
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

}
