package dev.heed.tasks.seq2seq;

/**
 * What a decoder carries from one step to the next for each row of a batch (a GRU's hidden and fed-back state,
 * a Transformer's prefix). Arrays belong to the caller's manager. Immutable: a step returns a new state.
 */
public interface DecoderState {

    /** The state of the rows {@code rows} (one index a row of the result): beam search's back-pointers. */
    DecoderState select(long[] rows);
}
