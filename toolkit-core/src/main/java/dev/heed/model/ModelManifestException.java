package dev.heed.model;

/** {@code model.json} is not valid JSON, lacks a required field or is of a newer format version. */
public class ModelManifestException extends ModelLoadException {

    private static final long serialVersionUID = 1L;

    public ModelManifestException(String message, Throwable cause) {
        super(message, cause);
    }

    public ModelManifestException(String message) {
        super(message);
    }
}
