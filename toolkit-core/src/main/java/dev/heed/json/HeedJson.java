package dev.heed.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The JSON mappers Heed reads and writes with, the one place that configures JSON: strict on input (unknown
 * fields and trailing tokens are errors); on output UTF-8 that gives back every Java string exactly as it was
 * written: characters outside the BMP (emoji) as themselves, and an unpaired surrogate (half of an emoji cut
 * in two) as the escape {@code \}{@code uD83D}, never fused with its neighbour or replaced. Write bytes
 * ({@code writeValue(File|OutputStream)}, {@code writeValueAsBytes}), not {@code writeValueAsString(..).getBytes},
 * which turns an unpaired surrogate into {@code ?}. The mappers are thread-safe once built; do not reconfigure
 * them.
 */
public final class HeedJson {

    /** Compact output, one value a line: for JSON lines. */
    public static final ObjectMapper COMPACT = JsonMapper.builder(new LosslessJsonFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    /** Indented output: for files people read (manifests, reports). */
    public static final ObjectMapper PRETTY = JsonMapper.builder(new LosslessJsonFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private HeedJson() {
    }

    /**
     * The JSON in {@code file}.
     *
     * @throws IOException naming the file, and the line and column where it stops being JSON
     */
    public static JsonNode readTree(Path file) throws IOException {
        try {
            return COMPACT.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON " + where(e) + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Where a parse failed, for messages: {@code "at line 3, column 14"}, or "" when unknown. */
    public static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? "" : "at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
