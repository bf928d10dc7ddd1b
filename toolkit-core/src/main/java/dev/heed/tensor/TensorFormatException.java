package dev.heed.tensor;

import java.io.IOException;

/** A tensor file is truncated, inconsistent or not in the format it claims; the message says where. */
public class TensorFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public TensorFormatException(String message) {
        super(message);
    }

    public TensorFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
