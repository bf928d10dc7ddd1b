package dev.heed.text.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.json.HeedJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads the word-level vocabulary back from a {@code tokenizer.json} that {@link TokenizerJsonWriter} wrote. */
public final class TokenizerJsonReader {

    private TokenizerJsonReader() {
    }

    /** The {@code WordLevel} vocabulary of {@code file}; fails naming the file when it is another model type. */
    public static WordVocabulary wordLevel(Path file) throws IOException {
        JsonNode root = HeedJson.readTree(file);
        JsonNode model = root.path("model");
        if (!model.path("type").asText().equals("WordLevel")) {
            throw new IOException(file + " is a " + model.path("type").asText() + " tokenizer, not WordLevel");
        }
        String[] tokens = byId(model.path("vocab"), file);
        List<String> specials = new ArrayList<>();
        for (JsonNode added : root.path("added_tokens")) {
            specials.add(added.path("content").asText());
        }
        return new WordVocabulary(Arrays.asList(tokens), specials, model.path("unk_token").asText());
    }

    /** The pieces of a {@code BPE} tokenizer's vocabulary by id; fails naming the file when it is another type. */
    public static List<String> bpeVocabulary(Path file) throws IOException {
        JsonNode model = HeedJson.readTree(file).path("model");
        if (!model.path("type").asText().equals("BPE")) {
            throw new IOException(file + " is a " + model.path("type").asText() + " tokenizer, not BPE");
        }
        return List.of(byId(model.path("vocab"), file));
    }

    private static String[] byId(JsonNode vocab, Path file) throws IOException {
        String[] tokens = new String[vocab.size()];
        for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int id = e.getValue().asInt(-1);
            if (id < 0 || id >= tokens.length || tokens[id] != null) {
                throw new IOException(file + ": vocabulary ids must be 0.." + (tokens.length - 1) + " without gaps");
            }
            tokens[id] = e.getKey();
        }
        return tokens;
    }
}
