package dev.heed.models;

import java.util.List;

/**
 * SPI: contributes named models. Registered in {@code META-INF/services/dev.heed.models.ModelSourceProvider}.
 */
public interface ModelSourceProvider {

    /** The models this provider can materialize. */
    List<ModelSource> sources();
}
