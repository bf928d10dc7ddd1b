package dev.heed.model;

/**
 * A model could not be loaded: a file is missing, truncated or altered, or the manifest is invalid. The
 * message names the file and the fix. Checked, because a caller can recover (re-extract, re-download).
 */
public class ModelLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
