package dev.heed.encoders.bigru;

import dev.heed.encoders.EncoderBlock;
import dev.heed.encoders.EncoderProvider;

/** Provides the {@code bigru} encoder. */
public final class BiGruProvider implements EncoderProvider {

    @Override
    public String name() {
        return BiGruEncoder.NAME;
    }

    @Override
    public String description() {
        return "bidirectional GRU (RNNsearch encoder), padding-safe, with final states and attention pooling";
    }

    @Override
    public BiGruConfig defaults() {
        return BiGruConfig.defaults();
    }

    @Override
    public EncoderBlock create(Record config) {
        return new BiGruEncoder((BiGruConfig) config);
    }
}
