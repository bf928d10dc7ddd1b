package dev.heed.encoders;

import java.util.Map;

/**
 * SPI: makes one encoder. Registered in {@code META-INF/services/dev.heed.encoders.EncoderProvider};
 * {@link #name()} is stable forever (it is written into model files).
 */
public interface EncoderProvider {

    /** The encoder's lower-case name: {@code textcnn}, {@code bigru}, {@code transformer}, {@code bert}. */
    String name();

    /** One line for {@code heed encoders list}. */
    String description();

    /** The default config, every field set. */
    Record defaults();

    /** A new, uninitialized encoder of {@code config} (a record of {@link #defaults()}'s type). */
    EncoderBlock create(Record config);

    /** The defaults with {@code overrides} applied, parsed strictly (see {@link EncoderConfigs#parse}). */
    default Record parse(Map<String, ?> overrides) {
        return EncoderConfigs.parse(defaults(), overrides);
    }
}
