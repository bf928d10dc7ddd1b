package dev.heed.tasks.translation;

import ai.djl.ndarray.NDArray;

/**
 * What a decoder carries from one step to the next for each row of a batch (a GRU's hidden and fed-back state,
 * a Transformer's prefix). Arrays belong to the caller's manager. Immutable: a step returns a new state.
 */
public interface DecoderState {

    /** The state of the rows {@code rows} (int64, one index a row of the result): beam search's back-pointers. */
    DecoderState select(NDArray rows);
}
