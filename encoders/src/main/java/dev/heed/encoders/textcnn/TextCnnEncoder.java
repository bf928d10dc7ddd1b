package dev.heed.encoders.textcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import dev.heed.encoders.AttentionMap;
import dev.heed.encoders.AttentionPooling;
import dev.heed.encoders.Capability;
import dev.heed.encoders.EncoderBlock;
import dev.heed.encoders.EncoderOutput;
import dev.heed.encoders.EncoderSpec;
import dev.heed.encoders.MaskedPooling;
import dev.heed.encoders.TokenEmbedding;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Kim's convolutional sentence encoder (Kim 2014, <a href="https://aclanthology.org/D14-1181/">D14-1181</a>):
 * word embeddings, parallel 1-D convolutions of several widths with ReLU, max-over-time pooling and dropout;
 * or, with {@code attentionPooling}, attention over positions, whose weights show which n-grams decided.
 *
 * <p>Shapes: ids and mask {@code (B, S)}; feature maps {@code (B, S, F)} with {@code F = maps x widths}
 * (the n-gram starting at each position; embeddings of padding are zeroed so that padding never changes a
 * real position); pooled {@code (B, F)}. No per-token states.
 */
public final class TextCnnEncoder extends EncoderBlock {

    public static final String NAME = "textcnn";

    private final TextCnnConfig config;
    private final TokenEmbedding embedding;
    private final List<WindowConvolution> convolutions = new ArrayList<>();
    private final Optional<AttentionPooling> pooling;
    private final EncoderSpec spec;

    public TextCnnEncoder(TextCnnConfig config) {
        this.config = config;
        embedding = addChildBlock("embedding", new TokenEmbedding(config.vocabSize(), config.embeddingDim()));
        for (int width : config.widths()) {
            convolutions.add(addChildBlock("conv" + width, new WindowConvolution(width, config.maps())));
        }
        int features = config.maps() * config.widths().size();
        pooling = config.attentionPooling()
                ? Optional.of(addChildBlock("pooling", new AttentionPooling(features, config.attentionDim())))
                : Optional.empty();
        EnumSet<Capability> caps = EnumSet.of(Capability.POOLED_STATE);
        if (config.attentionPooling()) {
            caps.add(Capability.POOLING_ATTENTION_WEIGHTS);
        }
        spec = new EncoderSpec(NAME, 0, features, caps);
    }

    @Override
    public java.util.Optional<ai.djl.nn.Parameter> tokenEmbedding() {
        return java.util.Optional.of(embedding.weight());
    }

    @Override
    public EncoderSpec spec() {
        return spec;
    }

    @Override
    public TextCnnConfig config() {
        return config;
    }

    @Override
    public EncoderOutput encode(ParameterStore ps, NDArray ids, NDArray mask, boolean training, boolean capture) {
        NDArray keep = mask.toType(DataType.FLOAT32, false);
        NDArray x = embedding.lookup(ps, ids, training).mul(keep.expandDims(-1));             // (B, S, E)
        NDList maps = new NDList();
        for (WindowConvolution convolution : convolutions) {
            maps.add(Activation.relu(convolution.apply(ps, x, training)));                     // (B, S, maps)
        }
        NDArray features = NDArrays.concat(maps, 2);                                              // (B, S, F)
        NDArray pooled;
        List<AttentionMap> attention = new ArrayList<>();
        if (pooling.isPresent()) {
            AttentionPooling.Pooled p = pooling.get().pool(ps, features, mask, training);
            pooled = p.vector();
            if (capture) {
                attention.add(new AttentionMap(AttentionMap.POOLING, 0, p.weights()));
            }
        } else {
            pooled = MaskedPooling.max(features, mask);
        }
        if (training && config.dropout() > 0) {
            pooled = Dropout.dropout(pooled, config.dropout(), true).singletonOrThrow();
        }
        return new EncoderOutput(Optional.empty(), Optional.of(pooled), Optional.empty(), attention);
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, new Shape(1, 1));
        for (WindowConvolution conv : convolutions) {
            conv.initialize(manager, dataType, new Shape(1, 8, config.embeddingDim()));
        }
        pooling.ifPresent(p -> p.initialize(manager, dataType, new Shape(1, 1, spec.pooledSize()), new Shape(1, 1)));
    }
}
