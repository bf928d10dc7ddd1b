package dev.heed.encoders.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import dev.heed.encoders.AttentionMap;
import dev.heed.encoders.Capability;
import dev.heed.encoders.EncoderBlock;
import dev.heed.encoders.EncoderOutput;
import dev.heed.encoders.EncoderSpec;
import dev.heed.encoders.MaskedPooling;
import dev.heed.encoders.TokenEmbedding;
import dev.heed.encoders.transformer.LayerSettings;
import dev.heed.encoders.transformer.TransformerLayer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A BERT-compatible encoder (Devlin et al. 2019, <a href="https://arxiv.org/abs/1810.04805">arXiv:1810.04805</a>)
 * built from DJL {@code Linear}, {@code LayerNorm} and embeddings, so that HuggingFace BERT weights
 * (all-MiniLM-L6-v2, bge-small-en-v1.5, ...) load as they are: word, position and token-type embeddings with
 * LayerNorm, then post-LN layers with GELU. Token types are all 0.
 *
 * <p>Shapes: ids and mask {@code (B, S)}, {@code S <= maxPositions}; states {@code (B, S, H)}; pooled
 * {@code (B, H)} (masked mean or the first token, per {@code pooling}); self-attention maps
 * {@code (B, heads, S, S)} per layer when captured.
 */
public final class BertEncoder extends EncoderBlock {

    public static final String NAME = "bert";

    private final BertConfig config;
    private final TokenEmbedding words;
    private final TokenEmbedding positions;
    private final TokenEmbedding tokenTypes;
    private final LayerNorm embeddingNorm;
    private final List<TransformerLayer> layers = new ArrayList<>();
    private final EncoderSpec spec;

    public BertEncoder(BertConfig config) {
        this.config = config;
        words = addChildBlock("words", new TokenEmbedding(config.vocabSize(), config.hiddenSize()));
        positions = addChildBlock("positions", new TokenEmbedding(config.maxPositions(), config.hiddenSize()));
        tokenTypes = addChildBlock("tokenTypes", new TokenEmbedding(config.typeVocabSize(), config.hiddenSize()));
        embeddingNorm = addChildBlock("embeddingNorm",
                LayerNorm.builder().axis(2).optEpsilon(config.layerNormEps()).build());
        for (int i = 0; i < config.layers(); i++) {
            layers.add(addChildBlock("layer" + i, new TransformerLayer(new LayerSettings(config.hiddenSize(),
                    config.heads(), config.intermediateSize(), false, "multi-head", 1, config.layerNormEps(),
                    config.dropout()))));
        }
        spec = new EncoderSpec(NAME, config.hiddenSize(), config.hiddenSize(), EnumSet.of(Capability.SEQUENCE_STATES,
                Capability.POOLED_STATE, Capability.SELF_ATTENTION_WEIGHTS));
    }

    @Override
    public EncoderSpec spec() {
        return spec;
    }

    @Override
    public BertConfig config() {
        return config;
    }

    @Override
    public int maxLength() {
        return config.maxPositions();
    }

    @Override
    public EncoderOutput encode(ParameterStore ps, NDArray ids, NDArray mask, boolean training, boolean capture) {
        long length = ids.getShape().get(1);
        if (length > config.maxPositions()) {
            throw new IllegalArgumentException("input of " + length + " tokens is longer than this model's "
                    + config.maxPositions() + " positions; split it or use the long-input policy");
        }
        NDArray positionIds = ids.getManager().arange(0, (int) length, 1, DataType.INT64).expandDims(0);
        NDArray x = words.lookup(ps, ids, training)
                .add(positions.lookup(ps, positionIds, training))
                .add(tokenTypes.lookup(ps, ids.zerosLike(), training));
        x = embeddingNorm.forward(ps, new NDList(x), training).singletonOrThrow();
        if (training && config.dropout() > 0) {
            x = Dropout.dropout(x, config.dropout(), true).singletonOrThrow();
        }
        List<AttentionMap> maps = new ArrayList<>();
        x = TransformerLayer.runAll(layers, ps, x, mask, training, capture, maps);
        NDArray pooled = config.pooling().equals("cls") ? x.get(":, 0, :") : MaskedPooling.mean(x, mask);
        return new EncoderOutput(Optional.of(x), Optional.of(pooled), Optional.empty(), maps);
    }

    /** Every parameter under its HuggingFace BERT name ({@code embeddings.word_embeddings.weight}, ...). */
    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> map = new LinkedHashMap<>();
        map.put("embeddings.word_embeddings.weight", words.weight());
        map.put("embeddings.position_embeddings.weight", positions.weight());
        map.put("embeddings.token_type_embeddings.weight", tokenTypes.weight());
        layerNorm(map, "embeddings.LayerNorm", embeddingNorm);
        for (int i = 0; i < layers.size(); i++) {
            TransformerLayer layer = layers.get(i);
            String prefix = "encoder.layer." + i + ".";
            for (var p : layer.attention().getParameters()) {
                // the attention's children are query, key, value, output: "01query_weight" -> attention.self.query.weight
                String[] parts = p.getKey().substring(2).split("_");
                String part = parts[0].equals("output") ? "attention.output.dense" : "attention.self." + parts[0];
                map.put(prefix + part + "." + parts[1], p.getValue());
            }
            layerNorm(map, prefix + "attention.output.LayerNorm", layer.attentionNorm());
            linear(map, prefix + "intermediate.dense", layer.inner());
            linear(map, prefix + "output.dense", layer.outer());
            layerNorm(map, prefix + "output.LayerNorm", layer.ffnNorm());
        }
        return map;
    }

    private static void linear(Map<String, Parameter> map, String name, ai.djl.nn.core.Linear layer) {
        map.put(name + ".weight", layer.getParameters().get("weight"));
        map.put(name + ".bias", layer.getParameters().get("bias"));
    }

    private static void layerNorm(Map<String, Parameter> map, String name, LayerNorm layer) {
        map.put(name + ".weight", layer.getParameters().get("gamma"));
        map.put(name + ".bias", layer.getParameters().get("beta"));
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = new Shape(1, 1);
        words.initialize(manager, dataType, ids);
        positions.initialize(manager, dataType, ids);
        tokenTypes.initialize(manager, dataType, ids);
        embeddingNorm.initialize(manager, dataType, new Shape(1, 1, config.hiddenSize()));
        for (TransformerLayer layer : layers) {
            layer.initialize(manager, dataType, new Shape(1, 1, config.hiddenSize()), new Shape(1, 1));
        }
    }
}
