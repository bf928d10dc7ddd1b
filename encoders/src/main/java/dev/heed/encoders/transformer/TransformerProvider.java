package dev.heed.encoders.transformer;

import dev.heed.encoders.EncoderBlock;
import dev.heed.encoders.EncoderProvider;

/** Provides the {@code transformer} encoder. */
public final class TransformerProvider implements EncoderProvider {

    @Override
    public String name() {
        return TransformerEncoder.NAME;
    }

    @Override
    public String description() {
        return "Transformer from scratch: pre/post-LN, sinusoidal/learned positions, multi-head, sliding-window or linear attention";
    }

    @Override
    public TransformerConfig defaults() {
        return TransformerConfig.defaults();
    }

    @Override
    public EncoderBlock create(Record config) {
        return new TransformerEncoder((TransformerConfig) config);
    }
}
