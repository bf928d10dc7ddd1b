package dev.heed.encoders.textcnn;

import dev.heed.encoders.EncoderBlock;
import dev.heed.encoders.EncoderProvider;

/** Provides the {@code textcnn} encoder. */
public final class TextCnnProvider implements EncoderProvider {

    @Override
    public String name() {
        return TextCnnEncoder.NAME;
    }

    @Override
    public String description() {
        return "Kim (2014) CNN: convolutions of several widths, max-over-time or attention pooling";
    }

    @Override
    public TextCnnConfig defaults() {
        return TextCnnConfig.defaults();
    }

    @Override
    public EncoderBlock create(Record config) {
        return new TextCnnEncoder((TextCnnConfig) config);
    }
}
