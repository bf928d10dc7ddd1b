package dev.heed.tasks.sentiment;

import ai.djl.nn.Parameter;
import dev.heed.encoders.InPlace;
import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelLoadException;
import dev.heed.models.ModelResolver;
import dev.heed.tensor.SafeTensorsFile;
import dev.heed.tensor.TensorInfo;
import dev.heed.text.SubwordTokenizer;
import dev.heed.text.vocab.WordVocabulary;
import java.io.IOException;

/**
 * Word vectors for a word-level student from a pretrained BERT-family model's input embeddings: each word of
 * the vocabulary is cut into the model's subwords and its vector is the mean of theirs
 * ({@code embeddings.word_embeddings.weight}). Special tokens keep their initial vectors. Stateless.
 */
final class PretrainedEmbeddings {

    static final String TABLE = "embeddings.word_embeddings.weight";

    private PretrainedEmbeddings() {
    }

    /**
     * Overwrites {@code table} {@code (V, E)} with the vectors of {@code vocabulary}'s words from the model
     * {@code nameOrPath}; returns how many words were set.
     *
     * @throws IllegalArgumentException when E differs from the model's embedding size
     */
    static int copy(String nameOrPath, WordVocabulary vocabulary, Parameter table) throws ModelLoadException {
        ModelDirectory model = new ModelResolver().resolve(nameOrPath);
        try (SubwordTokenizer tokenizer = SubwordTokenizer.load(model.resolve(model.manifest().tokenizers()
                .get("source")), false)) {
            SafeTensorsFile weights = SafeTensorsFile.open(model.resolve(model.manifest().weights()));
            TensorInfo info = weights.info(TABLE);
            int dim = (int) info.shape()[1];
            long[] shape = table.getArray().getShape().getShape();
            if (shape[1] != dim || shape[0] != vocabulary.size()) {
                throw new IllegalArgumentException("the student's embeddings are " + shape[0] + " x " + shape[1]
                        + " but " + model.manifest().name() + " gives " + dim + "-dimensional vectors for "
                        + vocabulary.size() + " words: set embeddingDim=" + dim);
            }
            float[] source = weights.floats(TABLE);
            float[] target = table.getArray().toFloatArray();
            int set = 0;
            for (int id = 0; id < vocabulary.size(); id++) {
                String word = vocabulary.token(id);
                if (vocabulary.specialTokens().contains(word)) {
                    continue;
                }
                long[] pieces = tokenizer.encode(word).ids();
                if (pieces.length == 0) {
                    continue;
                }
                java.util.Arrays.fill(target, id * dim, (id + 1) * dim, 0f);
                for (long piece : pieces) {
                    for (int d = 0; d < dim; d++) {
                        target[id * dim + d] += source[(int) piece * dim + d] / pieces.length;
                    }
                }
                set++;
            }
            InPlace.overwrite(table.getArray(), target);
            return set;
        } catch (IOException e) {
            throw new ModelLoadException("cannot read the embeddings of " + model.path() + ": " + e.getMessage(), e);
        }
    }
}
