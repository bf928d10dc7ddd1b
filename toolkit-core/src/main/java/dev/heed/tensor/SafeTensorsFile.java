package dev.heed.tensor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A safetensors file opened for reading (<a href="https://github.com/huggingface/safetensors">format</a>):
 * an 8-byte little-endian header length N, N bytes of JSON header (tensor name to dtype, shape and
 * {@code data_offsets}; optional {@code __metadata__} of strings), then the raw little-endian data.
 *
 * <p>Opening validates the whole layout: the header length fits the file, every tensor's byte range
 * matches its dtype and shape, and the ranges tile the data section with no gap or overlap. A truncated
 * or inconsistent file fails with a {@link TensorFormatException} that names the file and the problem.
 *
 * <p>The data is memory-mapped, read-only. Thread-safe: every accessor returns fresh buffers or arrays.
 */
public final class SafeTensorsFile {

    /** Headers above this are refused, as in the reference implementation. */
    static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private final Path path;
    private final Map<String, TensorInfo> tensors;
    private final Map<String, String> metadata;
    private final ByteBuffer data;

    private SafeTensorsFile(Path path, Map<String, TensorInfo> tensors, Map<String, String> metadata,
            ByteBuffer data) {
        this.path = path;
        this.tensors = tensors;
        this.metadata = metadata;
        this.data = data;
    }

    /** Opens and validates {@code path}. */
    public static SafeTensorsFile open(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) {
                throw error(path, "is " + size + " bytes long: too short for the 8-byte header length");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0);
            long headerLength = lengthBytes.flip().getLong();
            if (headerLength < 2 || headerLength > MAX_HEADER_BYTES) {
                throw error(path, "declares a header of " + headerLength + " bytes (must be 2.."
                        + MAX_HEADER_BYTES + ")");
            }
            if (8 + headerLength > size) {
                throw error(path, "is truncated: its header needs " + (8 + headerLength)
                        + " bytes but the file has " + size);
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            readFully(channel, headerBytes, 8);
            String header = decodeUtf8(path, headerBytes.flip());
            long dataLength = size - 8 - headerLength;
            Map<String, String> metadata = new LinkedHashMap<>();
            Map<String, TensorInfo> tensors = parseHeader(path, header, metadata);
            checkTiling(path, tensors, dataLength);
            if (dataLength > Integer.MAX_VALUE) {
                throw error(path, "holds " + dataLength + " bytes of data; files over 2 GiB are not supported");
            }
            ByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, 8 + headerLength, dataLength);
            return new SafeTensorsFile(path, Collections.unmodifiableMap(tensors),
                    Collections.unmodifiableMap(metadata), data);
        }
    }

    private static Map<String, TensorInfo> parseHeader(Path path, String header, Map<String, String> metadata)
            throws TensorFormatException {
        JsonNode root;
        try {
            root = STRICT_JSON.readTree(header);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw error(path, "has a header that is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw error(path, "has a header that is not a JSON object");
        }
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode node = field.getValue();
            if (name.equals("__metadata__")) {
                for (Iterator<Map.Entry<String, JsonNode>> m = node.fields(); m.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = m.next();
                    if (!entry.getValue().isTextual()) {
                        throw error(path, "has metadata '" + entry.getKey() + "' that is not a string");
                    }
                    metadata.put(entry.getKey(), entry.getValue().asText());
                }
                continue;
            }
            tensors.put(name, parseTensor(path, name, node));
        }
        return tensors;
    }

    private static TensorInfo parseTensor(Path path, String name, JsonNode node) throws TensorFormatException {
        JsonNode dtype = node.get("dtype");
        JsonNode shape = node.get("shape");
        JsonNode offsets = node.get("data_offsets");
        if (dtype == null || !dtype.isTextual() || shape == null || !shape.isArray() || offsets == null
                || !offsets.isArray() || offsets.size() != 2) {
            throw error(path, "has tensor '" + name + "' without a string dtype, an array shape and"
                    + " two data_offsets");
        }
        long[] dims = new long[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            if (!shape.get(i).canConvertToLong()) {
                throw error(path, "has tensor '" + name + "' with a non-integer dimension " + shape.get(i));
            }
            dims[i] = shape.get(i).asLong();
        }
        try {
            return new TensorInfo(name, DType.parse(dtype.asText()), dims, offsets.get(0).asLong(),
                    offsets.get(1).asLong());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw error(path, "is inconsistent: " + e.getMessage());
        }
    }

    private static void checkTiling(Path path, Map<String, TensorInfo> tensors, long dataLength)
            throws TensorFormatException {
        List<TensorInfo> byOffset = new ArrayList<>(tensors.values());
        byOffset.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        long expected = 0;
        for (TensorInfo t : byOffset) {
            if (t.begin() != expected) {
                throw error(path, "is inconsistent: tensor '" + t.name() + "' starts at byte " + t.begin()
                        + " of the data but the previous tensor ends at " + expected
                        + (t.begin() < expected ? " (overlap)" : " (gap)"));
            }
            expected = t.end();
        }
        if (expected > dataLength) {
            throw error(path, "is truncated: its tensors need " + expected + " bytes of data but only "
                    + dataLength + " follow the header");
        }
        if (expected < dataLength) {
            throw error(path, "is inconsistent: " + (dataLength - expected)
                    + " bytes of data after the last tensor belong to none");
        }
    }

    private static String decodeUtf8(Path path, ByteBuffer bytes) throws TensorFormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw error(path, "has a header that is not valid UTF-8");
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new TensorFormatException("unexpected end of file at byte " + at);
            }
            at += n;
        }
    }

    private static TensorFormatException error(Path path, String what) {
        return new TensorFormatException("safetensors file " + path + " " + what);
    }

    /** The file this was read from. */
    public Path path() {
        return path;
    }

    /** Tensor names in header order. */
    public Set<String> names() {
        return tensors.keySet();
    }

    /** All tensors by name, in header order. */
    public Map<String, TensorInfo> tensors() {
        return tensors;
    }

    /** The {@code __metadata__} entries; empty when there are none. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The tensor called {@code name}; fails naming the tensors there are. */
    public TensorInfo info(String name) {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            throw new IllegalArgumentException("no tensor '" + name + "' in " + path + "; it holds "
                    + (tensors.size() <= 20 ? tensors.keySet() : tensors.size() + " tensors"));
        }
        return info;
    }

    /** The raw little-endian bytes of tensor {@code name}, read-only. */
    public ByteBuffer bytes(String name) {
        TensorInfo info = info(name);
        return data.slice((int) info.begin(), (int) info.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Tensor {@code name} as floats, converted from F32, F16, BF16 or F64. */
    public float[] floats(String name) {
        TensorInfo info = info(name);
        ByteBuffer b = bytes(name);
        float[] out = new float[Math.toIntExact(info.elementCount())];
        switch (info.dtype()) {
            case F32 -> b.asFloatBuffer().get(out);
            case F16 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = Half.f16ToFloat(b.getShort(2 * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = Half.bf16ToFloat(b.getShort(2 * i));
                }
            }
            case F64 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) b.getDouble(8 * i);
                }
            }
            default -> throw new IllegalArgumentException("tensor '" + name + "' is " + info.dtype()
                    + ", not a floating-point type");
        }
        return out;
    }

    /** Tensor {@code name} as longs, converted from I64, I32, I16, I8, U8 or BOOL. */
    public long[] longs(String name) {
        TensorInfo info = info(name);
        ByteBuffer b = bytes(name);
        long[] out = new long[Math.toIntExact(info.elementCount())];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (info.dtype()) {
                case I64 -> b.getLong(8 * i);
                case I32 -> b.getInt(4 * i);
                case I16 -> b.getShort(2 * i);
                case I8 -> b.get(i);
                case U8, BOOL -> b.get(i) & 0xFF;
                default -> throw new IllegalArgumentException("tensor '" + name + "' is " + info.dtype()
                        + ", not an integer type");
            };
        }
        return out;
    }
}
