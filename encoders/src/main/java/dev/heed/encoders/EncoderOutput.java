package dev.heed.encoders;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an encoder made of a batch. Arrays belong to the manager of the call's inputs. Immutable.
 *
 * @param states per-token states {@code (B, S, H)}, when the encoder has {@link Capability#SEQUENCE_STATES}
 * @param pooled one vector per input {@code (B, P)}, when it has {@link Capability#POOLED_STATE}
 * @param finalState the final recurrent state {@code (B, H)}, when it has {@link Capability#FINAL_STATE}
 * @param attention the attention maps used, when captured; empty otherwise
 */
public record EncoderOutput(Optional<NDArray> states, Optional<NDArray> pooled, Optional<NDArray> finalState,
        List<AttentionMap> attention) {

    public EncoderOutput {
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(pooled, "pooled");
        Objects.requireNonNull(finalState, "finalState");
        attention = List.copyOf(attention);
    }
}
