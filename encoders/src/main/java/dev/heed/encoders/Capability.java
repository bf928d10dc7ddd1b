package dev.heed.encoders;

/** What an encoder can give a task; a task checks the ones it needs when it is built. */
public enum Capability {
    /** Per-token states {@code (B, S, H)}, aligned with the input tokens. */
    SEQUENCE_STATES,
    /** One pooled vector per input {@code (B, P)}. */
    POOLED_STATE,
    /** A final recurrent state {@code (B, H)} to start a decoder. */
    FINAL_STATE,
    /** Self-attention weights per layer and head {@code (B, H, S, S)}. */
    SELF_ATTENTION_WEIGHTS,
    /** Pooling-attention weights {@code (B, 1, 1, S)}: which positions decided the pooled vector. */
    POOLING_ATTENTION_WEIGHTS
}
