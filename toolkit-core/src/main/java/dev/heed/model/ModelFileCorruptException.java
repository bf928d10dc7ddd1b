package dev.heed.model;

/** A model file is truncated or altered: its size or sha256 differs from the manifest's. */
public class ModelFileCorruptException extends ModelLoadException {

    private static final long serialVersionUID = 1L;

    public ModelFileCorruptException(String message) {
        super(message);
    }
}
