package dev.heed.model;

import java.util.Map;
import java.util.Objects;

/**
 * A model component (encoder, head, decoder) by its SPI name with its full effective config. Immutable.
 *
 * @param name the component's stable SPI name, e.g. {@code textcnn}
 * @param config every setting, defaults included, as JSON-compatible values
 */
public record ComponentSpec(String name, Map<String, Object> config) {

    public ComponentSpec {
        Objects.requireNonNull(name, "name");
        config = config == null ? Map.of() : Map.copyOf(config);
    }
}
