package dev.heed.encoders.bert;

import dev.heed.encoders.EncoderBlock;
import dev.heed.encoders.EncoderProvider;

/** Provides the {@code bert} encoder. */
public final class BertProvider implements EncoderProvider {

    @Override
    public String name() {
        return BertEncoder.NAME;
    }

    @Override
    public String description() {
        return "BERT-compatible Transformer (post-LN, GELU) that loads HuggingFace and ONNX BERT weights";
    }

    @Override
    public BertConfig defaults() {
        return BertConfig.defaults();
    }

    @Override
    public EncoderBlock create(Record config) {
        return new BertEncoder((BertConfig) config);
    }
}
