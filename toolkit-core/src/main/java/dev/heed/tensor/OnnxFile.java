package dev.heed.tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the weights (initializers) and the node list of an ONNX model file, with a minimal protobuf wire
 * reader: {@code ModelProto.graph} (7), {@code GraphProto.node} (1) and {@code initializer} (5),
 * {@code TensorProto} dims (1), data_type (2), float_data (4), int64_data (7), name (8), raw_data (9).
 * Only float32 and int64 tensors stored inside the file are read. Immutable once read.
 */
public final class OnnxFile {

    /** One initializer: its shape and values (floats, or longs for int64 tensors). */
    public record Tensor(long[] shape, float[] floats, long[] longs) {
    }

    /** One graph node: name, operator and input names. */
    public record Node(String name, String opType, List<String> inputs) {
    }

    private final Map<String, Tensor> tensors;
    private final List<Node> nodes;

    private OnnxFile(Map<String, Tensor> tensors, List<Node> nodes) {
        this.tensors = tensors;
        this.nodes = nodes;
    }

    /** Reads {@code file}; fails naming the file when it is not an ONNX model with inline float weights. */
    public static OnnxFile read(Path file) throws IOException {
        ByteBuffer buffer;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new TensorFormatException("ONNX file " + file + " is over 2 GiB; external data is not supported");
            }
            buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()).order(ByteOrder.LITTLE_ENDIAN);
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        try {
            Reader model = new Reader(buffer);
            while (model.more()) {
                int key = (int) model.varint();
                if (key >>> 3 == 7 && (key & 7) == 2) {
                    Reader graph = model.message();
                    while (graph.more()) {
                        int gk = (int) graph.varint();
                        if (gk >>> 3 == 5 && (gk & 7) == 2) {
                            readTensor(graph.message(), tensors);
                        } else if (gk >>> 3 == 1 && (gk & 7) == 2) {
                            nodes.add(readNode(graph.message()));
                        } else {
                            graph.skip(gk & 7);
                        }
                    }
                } else {
                    model.skip(key & 7);
                }
            }
        } catch (RuntimeException e) {
            throw new TensorFormatException("ONNX file " + file + " could not be parsed: " + e.getMessage(), e);
        }
        if (tensors.isEmpty()) {
            throw new TensorFormatException("ONNX file " + file + " holds no initializers (weights)");
        }
        return new OnnxFile(tensors, nodes);
    }

    private static Node readNode(Reader r) {
        String name = "";
        String op = "";
        List<String> inputs = new ArrayList<>();
        while (r.more()) {
            int key = (int) r.varint();
            switch (key >>> 3) {
                case 1 -> inputs.add(r.string());
                case 3 -> name = r.string();
                case 4 -> op = r.string();
                default -> r.skip(key & 7);
            }
        }
        return new Node(name, op, inputs);
    }

    private static void readTensor(Reader r, Map<String, Tensor> out) {
        List<Long> dims = new ArrayList<>();
        int type = 0;
        String name = "";
        ByteBuffer raw = null;
        List<Float> floatData = new ArrayList<>();
        List<Long> longData = new ArrayList<>();
        while (r.more()) {
            int key = (int) r.varint();
            int field = key >>> 3;
            int wire = key & 7;
            if (field == 1) {
                if (wire == 2) {
                    Reader packed = r.message();
                    while (packed.more()) {
                        dims.add(packed.varint());
                    }
                } else {
                    dims.add(r.varint());
                }
            } else if (field == 2) {
                type = (int) r.varint();
            } else if (field == 4 && wire == 2) {
                ByteBuffer b = r.bytes();
                while (b.remaining() >= 4) {
                    floatData.add(b.getFloat());
                }
            } else if (field == 7 && wire == 2) {
                Reader packed = r.message();
                while (packed.more()) {
                    longData.add(packed.varint());
                }
            } else if (field == 8) {
                name = r.string();
            } else if (field == 9) {
                raw = r.bytes();
            } else {
                r.skip(wire);
            }
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        if (type == 1) {
            float[] values = new float[(int) count];
            if (raw != null) {
                raw.asFloatBuffer().get(values);
            } else {
                for (int i = 0; i < values.length; i++) {
                    values[i] = floatData.get(i);
                }
            }
            out.put(name, new Tensor(shape, values, null));
        } else if (type == 7) {
            long[] values = new long[(int) count];
            if (raw != null) {
                raw.asLongBuffer().get(values);
            } else {
                for (int i = 0; i < values.length; i++) {
                    values[i] = longData.get(i);
                }
            }
            out.put(name, new Tensor(shape, null, values));
        }
    }

    /** Initializers by name. */
    public Map<String, Tensor> tensors() {
        return tensors;
    }

    /** Graph nodes in file order. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Protobuf wire-format reader over a slice of a buffer. */
    private static final class Reader {
        private final ByteBuffer b;

        Reader(ByteBuffer b) {
            this.b = b;
        }

        boolean more() {
            return b.hasRemaining();
        }

        long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte x = b.get();
                result |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    return result;
                }
            }
            throw new IllegalStateException("malformed varint at byte " + b.position());
        }

        ByteBuffer bytes() {
            int length = (int) varint();
            ByteBuffer slice = b.slice(b.position(), length).order(ByteOrder.LITTLE_ENDIAN);
            b.position(b.position() + length);
            return slice;
        }

        Reader message() {
            return new Reader(bytes());
        }

        String string() {
            ByteBuffer s = bytes();
            byte[] bytes = new byte[s.remaining()];
            s.get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        void skip(int wire) {
            switch (wire) {
                case 0 -> varint();
                case 1 -> b.position(b.position() + 8);
                case 2 -> bytes();
                case 5 -> b.position(b.position() + 4);
                default -> throw new IllegalStateException("unsupported wire type " + wire + " at byte " + b.position());
            }
        }
    }
}
