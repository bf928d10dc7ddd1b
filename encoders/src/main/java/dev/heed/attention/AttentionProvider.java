package dev.heed.attention;

/**
 * SPI: makes one attention variant. Registered in {@code META-INF/services/dev.heed.attention.AttentionProvider};
 * {@link #name()} is stable forever (it is written into model files).
 */
public interface AttentionProvider {

    /** The variant's lower-case name, e.g. {@code additive}. */
    String name();

    /** A new, uninitialized block. */
    AttentionBlock create(AttentionConfig config);
}
