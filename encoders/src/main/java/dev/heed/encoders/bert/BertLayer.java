package dev.heed.encoders.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.heed.attention.AttentionConfig;
import dev.heed.attention.BlockCalls;
import dev.heed.attention.AttentionOutput;
import dev.heed.attention.MultiHeadAttention;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One post-LayerNorm BERT layer (Devlin et al. 2019, <a href="https://arxiv.org/abs/1810.04805">arXiv:1810.04805</a>):
 * {@code h = LN(x + Attn(x))}, {@code out = LN(h + W2 GELU(W1 h))}. States {@code (B, S, H)} in and out;
 * the attention weights {@code (B, heads, S, S)} when captured.
 */
final class BertLayer extends AbstractBlock {

    private final BertConfig config;
    private final MultiHeadAttention attention;
    private final LayerNorm attentionNorm;
    private final Linear intermediate;
    private final Linear output;
    private final LayerNorm outputNorm;

    BertLayer(BertConfig config) {
        this.config = config;
        attention = addChildBlock("attention", new MultiHeadAttention(
                AttentionConfig.selfAttention(config.hiddenSize(), config.heads(), 1)));
        attentionNorm = addChildBlock("attentionNorm", LayerNorm.builder().axis(2).optEpsilon(config.layerNormEps()).build());
        intermediate = addChildBlock("intermediate", Linear.builder().setUnits(config.intermediateSize()).build());
        output = addChildBlock("output", Linear.builder().setUnits(config.hiddenSize()).build());
        outputNorm = addChildBlock("outputNorm", LayerNorm.builder().axis(2).optEpsilon(config.layerNormEps()).build());
    }

    AttentionOutput forward(ParameterStore ps, NDArray x, NDArray mask, boolean training, boolean capture) {
        AttentionOutput attended = attention.attend(ps, x, x, x, mask, training, capture);
        NDArray h = BlockCalls.apply(attentionNorm, ps, x.add(dropout(attended.context(), training)), training);
        NDArray ffn = BlockCalls.apply(output, ps, Activation.gelu(BlockCalls.apply(intermediate, ps, h, training)),
                training);
        NDArray out = BlockCalls.apply(outputNorm, ps, h.add(dropout(ffn, training)), training);
        return new AttentionOutput(out, attended.weights());
    }

    private NDArray dropout(NDArray x, boolean training) {
        return BlockCalls.dropout(x, config.dropout(), training);
    }

    /** This layer's parameters under their HuggingFace names, relative to {@code encoder.layer.N.}. */
    Map<String, Parameter> huggingFaceParameters() {
        Map<String, Parameter> map = new LinkedHashMap<>();
        for (String part : new String[] {"query", "key", "value"}) {
            linear(map, "attention.self." + part, attention, part);
        }
        linear(map, "attention.output.dense", attention, "output");
        layerNorm(map, "attention.output.LayerNorm", attentionNorm);
        linear(map, "intermediate.dense", intermediate);
        linear(map, "output.dense", output);
        layerNorm(map, "output.LayerNorm", outputNorm);
        return map;
    }

    private static void linear(Map<String, Parameter> map, String hfName, AbstractBlock parent, String child) {
        for (var p : parent.getParameters()) {
            if (p.getKey().matches("\\d\\d" + child + "_weight")) {
                map.put(hfName + ".weight", p.getValue());
            } else if (p.getKey().matches("\\d\\d" + child + "_bias")) {
                map.put(hfName + ".bias", p.getValue());
            }
        }
    }

    private static void linear(Map<String, Parameter> map, String hfName, Linear layer) {
        map.put(hfName + ".weight", layer.getParameters().get("weight"));
        map.put(hfName + ".bias", layer.getParameters().get("bias"));
    }

    static void layerNorm(Map<String, Parameter> map, String hfName, LayerNorm layer) {
        map.put(hfName + ".weight", layer.getParameters().get("gamma"));
        map.put(hfName + ".bias", layer.getParameters().get("beta"));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.get(0), inputs.get(1), training, false).context());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        int h = config.hiddenSize();
        attention.initialize(manager, dataType, new Shape(1, 1, h), new Shape(1, 1, h), new Shape(1, 1, h), new Shape(1, 1));
        attentionNorm.initialize(manager, dataType, new Shape(1, 1, h));
        intermediate.initialize(manager, dataType, new Shape(1, h));
        output.initialize(manager, dataType, new Shape(1, config.intermediateSize()));
        outputNorm.initialize(manager, dataType, new Shape(1, 1, h));
    }
}
