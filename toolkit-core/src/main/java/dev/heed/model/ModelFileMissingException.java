package dev.heed.model;

/** A file the manifest lists (or the manifest itself) is not in the model directory. */
public class ModelFileMissingException extends ModelLoadException {

    private static final long serialVersionUID = 1L;

    public ModelFileMissingException(String message) {
        super(message);
    }
}
