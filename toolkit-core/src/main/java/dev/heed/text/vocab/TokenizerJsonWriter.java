package dev.heed.text.vocab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.json.HeedJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes vocabularies as standard HuggingFace {@code tokenizer.json} files, which DJL's
 * {@code HuggingFaceTokenizer} (and the Python {@code tokenizers} library) load as they are.
 * Stateless and thread-safe.
 */
public final class TokenizerJsonWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TokenizerJsonWriter() {
    }

    /**
     * A {@code WordLevel} tokenizer that splits on whitespace, lower-casing first when asked. Feed it
     * text whose words are already separated by single spaces (Heed joins CoreNLP's normalized words).
     */
    public static void writeWordLevel(WordVocabulary vocabulary, boolean lowercase, Path file) throws IOException {
        ObjectNode root = header(vocabulary.specialTokens(), vocabulary::id);
        root.set("normalizer", lowercase ? NODES.objectNode().put("type", "Lowercase") : NODES.nullNode());
        root.set("pre_tokenizer", NODES.objectNode().put("type", "WhitespaceSplit"));
        root.set("post_processor", NODES.nullNode());
        root.set("decoder", NODES.objectNode().put("type", "WordPiece").put("prefix", "##").put("cleanup", false));
        ObjectNode model = root.putObject("model");
        model.put("type", "WordLevel");
        ObjectNode vocab = model.putObject("vocab");
        for (int i = 0; i < vocabulary.size(); i++) {
            vocab.put(vocabulary.token(i), i);
        }
        model.put("unk_token", vocabulary.unknownToken());
        write(root, file);
    }

    /** A byte-level BPE tokenizer (GPT-2 style) that encodes any text without an unknown token. */
    public static void writeByteLevelBpe(BpeModel bpe, Path file) throws IOException {
        List<String> vocabulary = bpe.vocabulary();
        ObjectNode root = header(bpe.config().specialTokens(), vocabulary::indexOf);
        if (bpe.config().lowercase()) {
            ArrayNode normalizers = NODES.arrayNode();
            normalizers.addObject().put("type", "NFC");
            normalizers.addObject().put("type", "Lowercase");
            root.putObject("normalizer").put("type", "Sequence").set("normalizers", normalizers);
        } else {
            root.putObject("normalizer").put("type", "NFC");
        }
        root.set("pre_tokenizer", byteLevel());
        root.set("post_processor", byteLevel());
        root.set("decoder", byteLevel());
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.putNull("dropout");
        model.putNull("unk_token");
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        model.put("ignore_merges", false);
        ObjectNode vocab = model.putObject("vocab");
        for (int i = 0; i < vocabulary.size(); i++) {
            vocab.put(vocabulary.get(i), i);
        }
        ArrayNode merges = model.putArray("merges");
        for (BpeModel.Merge merge : bpe.merges()) {
            merges.add(merge.left() + " " + merge.right());
        }
        write(root, file);
    }

    private static ObjectNode byteLevel() {
        return NODES.objectNode().put("type", "ByteLevel").put("add_prefix_space", true)
                .put("trim_offsets", true).put("use_regex", true);
    }

    private static ObjectNode header(List<String> specials, java.util.function.ToIntFunction<String> idOf) {
        ObjectNode root = NODES.objectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (String special : specials) {
            added.addObject().put("id", idOf.applyAsInt(special)).put("content", special)
                    .put("single_word", false).put("lstrip", false).put("rstrip", false)
                    .put("normalized", false).put("special", true);
        }
        return root;
    }

    private static void write(ObjectNode root, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        HeedJson.PRETTY.writeValue(file.toFile(), root);
    }
}
