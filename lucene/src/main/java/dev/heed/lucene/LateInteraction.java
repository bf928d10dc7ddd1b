package dev.heed.lucene;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.heed.alignment.Alignment;
import dev.heed.alignment.AlignmentKind;
import dev.heed.alignment.AlignmentToken;
import dev.heed.encoders.Capability;
import dev.heed.encoders.EncoderLoader;
import dev.heed.encoders.EncoderOutput;
import dev.heed.encoders.TextEncoder;
import dev.heed.engine.EngineArrays;
import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelLoadException;
import dev.heed.models.ModelResolver;
import dev.heed.text.CoreNlpWordTokenizer;
import dev.heed.text.SpanAlignment;
import dev.heed.text.SubwordEncoding;
import dev.heed.text.SubwordTokenizer;
import dev.heed.text.Token;
import dev.heed.text.WordTokenizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The word alignment behind a dense score, by late interaction (Khattab and Zaharia, "ColBERT: Efficient and
 * Effective Passage Search via Contextualized Late Interaction over BERT", SIGIR 2020): the query and the document
 * are each run through the encoder, each word's contextual state is the mean of its subwords' last-layer states
 * {@code (S, H)} (CoreNLP words, matched to subwords by their spans; special tokens left out), and the alignment
 * holds the cosine of every query word (rows) with every document word (columns), negative cosines as 0. The
 * MaxSim score is the mean over the query's words (punctuation left out) of each one's best cosine: which document
 * words answered which query words. Texts past the model's window are cut to it; the words cut have no column.
 *
 * <p>Costs one encoder pass per text: meant for the top hits on request, not for ranking a corpus. Thread-safe
 * (each call has its own arrays). Closes the encoder and tokenizer it loaded.
 */
public final class LateInteraction implements AutoCloseable {

    /**
     * One hit's alignment and its MaxSim score. Immutable.
     *
     * @param alignment kind {@code late-interaction}: source = the document, target = the query
     * @param maxSim mean over the query words of their best cosine, in [-1, 1]
     */
    public record Result(Alignment alignment, double maxSim) {
    }

    private record Words(List<Token> words, float[][] unit) {
    }

    private final String name;
    private final TextEncoder encoder;
    private final SubwordTokenizer tokenizer;
    private final WordTokenizer words;
    private final int maxLength;

    private LateInteraction(String name, TextEncoder encoder, SubwordTokenizer tokenizer, WordTokenizer words) {
        this.name = name;
        this.encoder = encoder;
        this.tokenizer = tokenizer;
        this.words = words;
        this.maxLength = encoder.block().maxLength();
    }

    /**
     * Loads a BERT-family model ({@code bge-small-en-v1.5}, {@code all-minilm-l6-v2}, a directory).
     *
     * @throws ModelLoadException when the model is missing or damaged, its encoder gives no token states, or it
     *     has no subword tokenizer
     */
    public static LateInteraction load(String nameOrPath, Device device, WordTokenizer words) throws ModelLoadException {
        ModelDirectory model = new ModelResolver().resolve(nameOrPath);
        String tokenizerFile = model.manifest().tokenizers().get("source");
        if (tokenizerFile == null) {
            throw new ModelLoadException(model.path() + "/model.json names no source tokenizer");
        }
        String prefix = List.of("sentiment", "translation").contains(model.manifest().task()) ? "encoder." : "";
        TextEncoder encoder = EncoderLoader.load(model, prefix, device);
        try {
            encoder.spec().require(Capability.SEQUENCE_STATES, "late-interaction alignments");
            return new LateInteraction(model.manifest().name(), encoder,
                    SubwordTokenizer.load(model.resolve(tokenizerFile), true), words);
        } catch (IOException | RuntimeException e) {
            encoder.close();
            throw new ModelLoadException("cannot load " + model.path() + " for late interaction: " + e.getMessage(), e);
        }
    }

    /** Loads {@code nameOrPath} on the CPU with its own CoreNLP word tokenizer. */
    public static LateInteraction load(String nameOrPath) throws ModelLoadException {
        return load(nameOrPath, Device.cpu(), new CoreNlpWordTokenizer());
    }

    /**
     * The alignment of {@code query}'s words with {@code document}'s.
     *
     * @throws IllegalArgumentException when either text has no words
     */
    public Result align(String query, String document) {
        Words q = words(query, "query");
        Words d = words(document, "document");
        int rows = q.words().size();
        int cols = d.words().size();
        float[] weights = new float[rows * cols];
        double sum = 0;
        int counted = 0;
        for (int i = 0; i < rows; i++) {
            double best = -1;
            for (int j = 0; j < cols; j++) {
                double cos = dot(q.unit()[i], d.unit()[j]);
                weights[i * cols + j] = (float) Math.min(1, Math.max(0, cos));
                best = Math.max(best, cos);
            }
            if (hasLetterOrDigit(q.words().get(i).surface())) {
                sum += best;
                counted++;
            }
        }
        Alignment a = new Alignment(name, AlignmentKind.LATE_INTERACTION, document, query, tokens(d.words()),
                tokens(q.words()), 1, 1, weights);
        return new Result(a, counted == 0 ? 0 : sum / counted);
    }

    private static List<AlignmentToken> tokens(List<Token> words) {
        List<AlignmentToken> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            Token w = words.get(i);
            out.add(new AlignmentToken(w.surface(), w.start(), w.end(), i, false));
        }
        return out;
    }

    /** The text's words that the model read, each with the unit mean of its subwords' states. */
    private Words words(String text, String what) {
        List<Token> all = words.words(text);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " has no words to align");
        }
        SubwordEncoding enc = tokenizer.encode(text);
        long[] ids = enc.ids();
        List<Token> pieces = enc.tokens();
        if (ids.length > maxLength) {   // keep the window and the closing special token
            long[] kept = Arrays.copyOf(ids, maxLength);
            kept[maxLength - 1] = ids[ids.length - 1];
            List<Token> keptPieces = new ArrayList<>(pieces.subList(0, maxLength - 1));
            keptPieces.add(pieces.get(pieces.size() - 1));
            ids = kept;
            pieces = keptPieces;
        }
        int[] wordOf = SpanAlignment.wordIndexes(pieces, all);
        int s = ids.length;
        float[] states;
        int h;
        try (NDManager request = encoder.manager().newSubManager()) {
            float[] mask = new float[s];
            Arrays.fill(mask, 1f);
            NDArray idArray = EngineArrays.of(request, ids, new Shape(1, s));
            NDArray maskArray = EngineArrays.of(request, mask, new Shape(1, s));
            EncoderOutput out = encoder.encode(idArray, maskArray, false);
            NDArray st = out.states().orElseThrow().toType(DataType.FLOAT32, false);   // (1, S, H)
            h = (int) st.getShape().get(2);
            states = st.toFloatArray();
        }
        float[][] sums = new float[all.size()][h];
        int[] counts = new int[all.size()];
        for (int p = 0; p < s; p++) {
            int w = wordOf[p];
            if (w < 0) {
                continue;
            }
            counts[w]++;
            for (int k = 0; k < h; k++) {
                sums[w][k] += states[p * h + k];
            }
        }
        List<Token> kept = new ArrayList<>();
        List<float[]> unit = new ArrayList<>();
        for (int w = 0; w < all.size(); w++) {
            if (counts[w] == 0) {
                continue;   // cut by the window, or no subword of its own
            }
            double norm = 0;
            for (float x : sums[w]) {
                norm += (double) x * x;
            }
            float[] u = new float[h];
            for (int k = 0; k < h; k++) {
                u[k] = (float) (sums[w][k] / Math.max(Math.sqrt(norm), 1e-12));
            }
            kept.add(all.get(w));
            unit.add(u);
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " has no words the model read");
        }
        return new Words(kept, unit.toArray(float[][]::new));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static boolean hasLetterOrDigit(String s) {
        return s.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** The model's name. */
    public String modelName() {
        return name;
    }

    @Override
    public void close() {
        encoder.close();
        tokenizer.close();
    }
}
