package dev.heed.tasks.embedding;

/** An input is longer than the model takes and the long-input policy is {@code reject}. */
public class TooLongException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TooLongException(String message) {
        super(message);
    }
}
