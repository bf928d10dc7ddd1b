package dev.heed.tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names the weights of an ONNX export of a PyTorch model the way PyTorch named them. Named initializers
 * keep their names; the anonymous ones ({@code onnx::MatMul_123}) are the weights of {@code nn.Linear}
 * layers, stored transposed ({@code (in, out)}): each is named after the {@code MatMul} node that consumes it
 * ({@code /encoder/layer.0/attention/self/query/MatMul} gives {@code encoder.layer.0.attention.self.query.weight})
 * and transposed back to PyTorch's {@code (out, in)}. Stateless.
 */
public final class OnnxWeightNames {

    /** A float tensor with its shape, row-major. */
    public record FloatTensor(long[] shape, float[] values) {
    }

    private OnnxWeightNames() {
    }

    /** The float weights of {@code onnx} under their PyTorch names. */
    public static Map<String, FloatTensor> pytorchNamed(OnnxFile onnx) {
        Map<String, FloatTensor> named = new LinkedHashMap<>();
        Map<String, OnnxFile.Tensor> tensors = onnx.tensors();
        for (Map.Entry<String, OnnxFile.Tensor> e : tensors.entrySet()) {
            if (!e.getKey().startsWith("onnx::") && e.getValue().floats() != null) {
                named.put(e.getKey(), new FloatTensor(e.getValue().shape(), e.getValue().floats()));
            }
        }
        for (OnnxFile.Node node : onnx.nodes()) {
            if (!node.opType().equals("MatMul") || node.inputs().size() < 2) {
                continue;
            }
            OnnxFile.Tensor weight = tensors.get(node.inputs().get(1));
            if (weight == null || weight.floats() == null || weight.shape().length != 2) {
                continue;
            }
            String path = node.name().startsWith("/") ? node.name().substring(1) : node.name();
            if (!path.endsWith("/MatMul")) {
                continue;
            }
            String name = path.substring(0, path.length() - "/MatMul".length()).replace('/', '.') + ".weight";
            named.put(name, transpose(weight.shape(), weight.floats()));
        }
        return named;
    }

    private static FloatTensor transpose(long[] shape, float[] values) {
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        float[] out = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = values[r * cols + c];
            }
        }
        return new FloatTensor(new long[] {cols, rows}, out);
    }
}
