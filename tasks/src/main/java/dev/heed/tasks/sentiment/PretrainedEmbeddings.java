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
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Word vectors for a word-level student from a pretrained BERT-family model's input embeddings: each word of
 * the vocabulary is cut into the model's subwords and its vector is the mean of theirs
 * ({@code embeddings.word_embeddings.weight}). Special tokens keep their initial vectors.
 *
 * <p>A student with fewer dimensions than the model ({@code embeddingDim} below 384 for all-MiniLM-L6-v2) gets
 * the words' vectors projected onto their first {@code embeddingDim} principal components (centred on the
 * vocabulary's mean vector; Pearson 1901, the eigenvectors of the vectors' covariance with the largest
 * eigenvalues, computed by Commons Math's {@link EigenDecomposition}). A small student pays for every
 * input dimension in its first layer at each token, so this is how a fast student keeps the pretrained start.
 * Stateless.
 */
final class PretrainedEmbeddings {

    static final String TABLE = "embeddings.word_embeddings.weight";

    private PretrainedEmbeddings() {
    }

    /**
     * Overwrites {@code table} {@code (V, E)} with the vectors of {@code vocabulary}'s words from the model
     * {@code nameOrPath}, reduced to E dimensions by PCA when E is smaller than the model's size; returns how
     * many words were set and from how many dimensions.
     *
     * @throws IllegalArgumentException when E exceeds the model's embedding size, or V the vocabulary's
     */
    static Copied copy(String nameOrPath, WordVocabulary vocabulary, Parameter table) throws ModelLoadException {
        ModelDirectory model = new ModelResolver().resolve(nameOrPath);
        try (SubwordTokenizer tokenizer = SubwordTokenizer.load(model.resolve(model.manifest().tokenizers()
                .get("source")), false)) {
            SafeTensorsFile weights = SafeTensorsFile.open(model.resolve(model.manifest().weights()));
            TensorInfo info = weights.info(TABLE);
            int dim = (int) info.shape()[1];
            long[] shape = table.getArray().getShape().getShape();
            int studentDim = (int) shape[1];
            if (studentDim > dim || shape[0] != vocabulary.size()) {
                throw new IllegalArgumentException("the student's embeddings are " + shape[0] + " x " + shape[1]
                        + " but " + model.manifest().name() + " gives " + dim + "-dimensional vectors for "
                        + vocabulary.size() + " words: set embeddingDim=" + dim + " (or fewer, reduced by PCA)");
            }
            float[] source = weights.floats(TABLE);
            List<Integer> ids = new ArrayList<>();
            List<double[]> vectors = new ArrayList<>();
            for (int id = 0; id < vocabulary.size(); id++) {
                String word = vocabulary.token(id);
                if (vocabulary.specialTokens().contains(word)) {
                    continue;
                }
                long[] pieces = tokenizer.encode(word).ids();
                if (pieces.length == 0) {
                    continue;
                }
                double[] vector = new double[dim];
                for (long piece : pieces) {
                    for (int d = 0; d < dim; d++) {
                        vector[d] += source[(int) piece * dim + d];
                    }
                }
                for (int d = 0; d < dim; d++) {
                    vector[d] /= pieces.length;
                }
                ids.add(id);
                vectors.add(vector);
            }
            List<double[]> rows = studentDim == dim ? vectors : principalComponents(vectors, studentDim);
            float[] target = table.getArray().toFloatArray();
            for (int i = 0; i < ids.size(); i++) {
                double[] row = rows.get(i);
                int id = ids.get(i);
                for (int d = 0; d < studentDim; d++) {
                    target[id * studentDim + d] = (float) row[d];
                }
            }
            InPlace.overwrite(table.getArray(), target);
            return new Copied(ids.size(), dim, studentDim);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read the embeddings of " + model.path() + ": " + e.getMessage(), e);
        }
    }

    /** What {@link #copy} did: {@code words} vectors set, from {@code modelDim} to {@code studentDim} dimensions. */
    record Copied(int words, int modelDim, int studentDim) {

        /** For the training log: how many words, and the PCA when there was one. */
        String describe(String model) {
            return String.format("word vectors of %,d words from %s", words, model)
                    + (studentDim < modelDim ? String.format(" (PCA: their first %d of %d dimensions' principal"
                            + " components)", studentDim, modelDim) : "");
        }
    }

    /**
     * {@code vectors} (n rows of the same length D) centred and projected onto their first {@code k} principal
     * components, largest variance first: n rows of length k.
     *
     * @throws IllegalArgumentException when there are fewer than two vectors or k is not in 1..D
     */
    static List<double[]> principalComponents(List<double[]> vectors, int k) {
        if (vectors.size() < 2) {
            throw new IllegalArgumentException("PCA needs at least two word vectors, got " + vectors.size());
        }
        int dim = vectors.get(0).length;
        if (k < 1 || k > dim) {
            throw new IllegalArgumentException("cannot keep " + k + " of " + dim + " dimensions");
        }
        double[] mean = new double[dim];
        for (double[] v : vectors) {
            for (int d = 0; d < dim; d++) {
                mean[d] += v[d] / vectors.size();
            }
        }
        double[][] covariance = new double[dim][dim];
        double[] centred = new double[dim];
        for (double[] v : vectors) {
            for (int a = 0; a < dim; a++) {
                centred[a] = v[a] - mean[a];
            }
            for (int a = 0; a < dim; a++) {
                for (int b = a; b < dim; b++) {
                    covariance[a][b] += centred[a] * centred[b];
                }
            }
        }
        for (int a = 0; a < dim; a++) {
            for (int b = a; b < dim; b++) {
                covariance[a][b] /= vectors.size() - 1;
                covariance[b][a] = covariance[a][b];
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(covariance, false));
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = new Integer[dim];
        for (int i = 0; i < dim; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        double[][] components = new double[k][];
        for (int c = 0; c < k; c++) {
            components[c] = eigen.getEigenvector(order[c]).toArray();
        }
        List<double[]> projected = new ArrayList<>(vectors.size());
        for (double[] v : vectors) {
            double[] row = new double[k];
            for (int c = 0; c < k; c++) {
                double sum = 0;
                for (int d = 0; d < dim; d++) {
                    sum += (v[d] - mean[d]) * components[c][d];
                }
                row[c] = sum;
            }
            projected.add(row);
        }
        return projected;
    }
}
