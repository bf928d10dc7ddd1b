package dev.heed.tasks.seq2seq;

import ai.djl.nn.Parameter;
import dev.heed.encoders.EncoderWeights;
import dev.heed.encoders.InPlace;
import dev.heed.model.FileEntry;
import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelLoadException;
import dev.heed.models.ModelResolver;
import dev.heed.tensor.SafeTensorsFile;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The weights an encoder-decoder over a pretrained encoder (Rothe et al. 2020) takes from that encoder's own model
 * directory: the encoder's, with BERT's word-embedding rows reordered as {@link SubwordCodec} numbers WordPiece ids
 * ({@link SubwordCodec#swapWordPieceRows}), and the decoder's embedding table, which starts as (or, with
 * {@code --freeze-decoder-embeddings}, stays) those rows. Used when training starts, and when a model that stored
 * its frozen parts <em>by reference</em> is loaded: a frozen encoder's weights are the pretrained model's, so the
 * model directory names that model and the SHA-256 of its weights file instead of copying them (all-MiniLM-L6-v2's
 * 22.7 M parameters and its 11.7 M-parameter table a second time for the decoder: an AESLC summarizer's F16 weights
 * file goes from 78 MB to 9.5 MB). An encoder fine-tuned with its word embeddings fixed (as
 * {@code --freeze-decoder-embeddings} keeps them, shared with the decoder) stores its other weights and names the
 * table by reference ({@link #ENCODER_WORD_EMBEDDINGS}): all-MiniLM-L6-v2's 11.7 M-parameter table is half of it.
 * The manifest's vectorizer config says which parts are by reference ({@link #ENCODER_WEIGHTS},
 * {@link #ENCODER_WORD_EMBEDDINGS}, {@link #DECODER_EMBEDDINGS}). Stateless.
 */
final class PretrainedWeights {

    /** Vectorizer config key: {@value #BY_REFERENCE} when the encoder's weights are the pretrained model's. */
    static final String ENCODER_WEIGHTS = "encoderWeights";
    /**
     * Vectorizer config key: {@value #BY_REFERENCE} when the encoder was fine-tuned but its word-embedding table
     * kept the pretrained rows, so that only the table is by reference and its other weights are in the model.
     */
    static final String ENCODER_WORD_EMBEDDINGS = "encoderWordEmbeddings";
    /** Vectorizer config key: {@value #BY_REFERENCE} when the decoder's table is the pretrained model's rows. */
    static final String DECODER_EMBEDDINGS = "decoderEmbeddings";
    /** Vectorizer config key: the SHA-256 of the pretrained model's weights file the model was trained on. */
    static final String PRETRAINED_SHA256 = "pretrainedWeightsSha256";
    /** Vectorizer config key naming the pretrained model (as {@code --encoder-init} did). */
    static final String PRETRAINED_NAME = "pretrainedEncoder";
    /** The value of {@link #ENCODER_WEIGHTS} and {@link #DECODER_EMBEDDINGS} for "not in the weights file". */
    static final String BY_REFERENCE = "pretrained";

    /** The encoder's word-embedding table among {@code EncoderBlock#namedParameters()} (BERT's name). */
    static final String WORD_EMBEDDINGS = "embeddings.word_embeddings.weight";

    /**
     * What {@link #loadReferenced} filled from the pretrained model.
     *
     * @param wholeEncoder every encoder weight (a frozen encoder); otherwise the encoder's weights named in
     *     {@code encoderKeys} only, the rest being in the model's own file
     * @param encoderKeys encoder parameter names filled (empty when {@code wholeEncoder} or nothing is by reference)
     * @param decoderKeys decoder parameter keys filled (the table's, when by reference)
     */
    record Referenced(boolean wholeEncoder, Set<String> encoderKeys, Set<String> decoderKeys) {
        static final Referenced NONE = new Referenced(false, Set.of(), Set.of());
    }

    private PretrainedWeights() {
    }

    /**
     * Loads {@code pretrained}'s weights into {@code model}'s encoder (its tensors named as in the pretrained file,
     * no prefix) and, for a WordPiece vocabulary, swaps the word-embedding rows of the special ids.
     *
     * @return the encoder's word-embedding table as loaded (rows swapped), or empty when the encoder has none or
     *     the vocabulary is not WordPiece
     * @throws IOException when the weights file cannot be read or lacks an encoder weight
     */
    static Optional<float[]> loadEncoder(Seq2SeqBlock model, ModelDirectory pretrained, boolean wordPiece)
            throws IOException {
        SafeTensorsFile weights = SafeTensorsFile.open(pretrained.resolve(pretrained.manifest().weights()));
        EncoderWeights.load(model.encoder(), weights, "");
        Parameter words = model.encoder().namedParameters().get(WORD_EMBEDDINGS);
        if (words == null || !wordPiece) {
            return Optional.empty();
        }
        long[] shape = words.getArray().getShape().getShape();
        float[] table = SubwordCodec.swapWordPieceRows(words.getArray().toFloatArray(), (int) shape[1]);
        InPlace.overwrite(words.getArray(), table);
        return Optional.of(table);
    }

    /**
     * The decoder's embedding table when it has the shape of the encoder's word embeddings (a Transformer decoder of
     * the encoder's size over its vocabulary), so that it can start as, or stay, those rows.
     */
    static Optional<Parameter> decoderTable(Seq2SeqBlock model) {
        Parameter words = model.encoder().namedParameters().get(WORD_EMBEDDINGS);
        if (words != null && model.decoder() instanceof TransformerDecoder transformer
                && transformer.embeddingWeight().getArray().getShape().equals(words.getArray().getShape())) {
            return Optional.of(transformer.embeddingWeight());
        }
        return Optional.empty();
    }

    /** The key of the decoder's embedding table among {@link Seq2SeqBlock#decoderParameters()}, if it has one. */
    static Optional<String> decoderTableKey(Seq2SeqBlock model) {
        Optional<Parameter> table = decoderTable(model);
        return model.decoderParameters().entrySet().stream()
                .filter(e -> table.isPresent() && e.getValue() == table.get()).map(Map.Entry::getKey).findFirst();
    }

    /** The SHA-256 {@code pretrained}'s manifest records for its weights file. */
    static String weightsSha256(ModelDirectory pretrained) throws ModelLoadException {
        FileEntry entry = pretrained.manifest().files().get(pretrained.manifest().weights());
        if (entry == null) {
            throw new ModelLoadException(pretrained.path() + "/model.json lists no hash for its weights file "
                    + pretrained.manifest().weights());
        }
        return entry.sha256();
    }

    /**
     * Fills the parts of {@code model} that {@code dir} stores by reference: resolves the pretrained model its
     * vectorizer config names, checks that its weights file is the one trained on, loads the encoder from it (all of
     * it for a frozen encoder; for one fine-tuned with a fixed table, the caller then overwrites all but the table
     * from the model's own file) and, when the decoder's table is by reference too, sets it to the same rows.
     *
     * @return what was filled; {@link Referenced#NONE} when nothing is by reference
     * @throws ModelLoadException naming the model and the pretrained model when it cannot be resolved, its
     *     weights differ from those the model was trained on, or the decoder has no table of the encoder's shape
     */
    static Referenced loadReferenced(Seq2SeqBlock model, ModelDirectory dir) throws ModelLoadException, IOException {
        var vectorizer = dir.manifest().components().get("vectorizer");
        Map<String, Object> config = vectorizer == null ? Map.of() : vectorizer.config();
        boolean wholeEncoder = BY_REFERENCE.equals(config.get(ENCODER_WEIGHTS));
        if (!wholeEncoder && !BY_REFERENCE.equals(config.get(ENCODER_WORD_EMBEDDINGS))) {
            return Referenced.NONE;
        }
        Object name = config.get(PRETRAINED_NAME);
        if (name == null) {
            throw new ModelLoadException(dir.path() + "/model.json keeps encoder weights by reference but names"
                    + " no " + PRETRAINED_NAME);
        }
        ModelDirectory pretrained;
        try {
            pretrained = new ModelResolver().resolve(name.toString());
        } catch (ModelLoadException e) {
            throw new ModelLoadException(dir.path() + ": its encoder's weights are those of the pretrained model "
                    + name + ", which cannot be loaded: " + e.getMessage(), e);
        }
        String expected = Objects.toString(config.get(PRETRAINED_SHA256), "");
        String found = weightsSha256(pretrained);
        if (!expected.equals(found)) {
            throw new ModelLoadException(dir.path() + " was trained on " + name + " with weights sha256 " + expected
                    + ", but " + pretrained.path() + " has " + found + ": not the same encoder");
        }
        Optional<float[]> table = loadEncoder(model, pretrained,
                vectorizer.name().equals(SubwordCodec.WORDPIECE));
        if (!wholeEncoder && table.isEmpty()) {
            throw new ModelLoadException(dir.path() + ": the encoder's word embeddings are by reference, but " + name
                    + " gives no WordPiece word embeddings");
        }
        Set<String> encoderKeys = wholeEncoder ? Set.of() : Set.of(WORD_EMBEDDINGS);
        if (BY_REFERENCE.equals(config.get(DECODER_EMBEDDINGS))) {
            Parameter decoderTable = decoderTable(model).orElseThrow(() -> new ModelLoadException(dir.path()
                    + ": the decoder's embedding table is by reference, but the decoder has no table of the encoder's"
                    + " word embeddings' shape"));
            InPlace.overwrite(decoderTable.getArray(), table.orElseThrow(() -> new ModelLoadException(dir.path()
                    + ": the decoder's embedding table is by reference, but " + name
                    + " gives no WordPiece word embeddings")));
            return new Referenced(wholeEncoder, encoderKeys, Set.of(decoderTableKey(model).orElseThrow()));
        }
        return new Referenced(wholeEncoder, encoderKeys, Set.of());
    }

    /** Whether the encoder has a word-embedding table and it takes no gradient (kept at the pretrained rows). */
    static boolean encoderWordsFixed(Seq2SeqBlock model) {
        Parameter words = model.encoder().namedParameters().get(WORD_EMBEDDINGS);
        return words != null && !words.requiresGradient();
    }

    /**
     * The pretrained model's word-embedding table as {@link #loadEncoder} would load it (rows swapped), read from
     * its weights file without touching {@code model}.
     *
     * @throws IOException when the weights file cannot be read or has no word-embedding table
     */
    static float[] pretrainedTable(ModelDirectory pretrained) throws IOException {
        SafeTensorsFile weights = SafeTensorsFile.open(pretrained.resolve(pretrained.manifest().weights()));
        if (!weights.tensors().containsKey(WORD_EMBEDDINGS)) {
            throw new IOException(weights.path() + " has no " + WORD_EMBEDDINGS);
        }
        long[] shape = weights.info(WORD_EMBEDDINGS).shape();
        return SubwordCodec.swapWordPieceRows(weights.floats(WORD_EMBEDDINGS), (int) shape[1]);
    }
}
