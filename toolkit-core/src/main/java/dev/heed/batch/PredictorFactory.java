package dev.heed.batch;

/** Makes one {@link Predictor} per worker thread (loading a model's weights, for example). */
@FunctionalInterface
public interface PredictorFactory {

    /** A new predictor, owned by the caller. */
    Predictor create() throws Exception;
}
