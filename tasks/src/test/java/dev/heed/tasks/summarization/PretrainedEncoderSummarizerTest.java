package dev.heed.tasks.summarization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.heed.alignment.Alignment;
import dev.heed.model.ModelDirectory;
import dev.heed.models.ModelResolver;
import dev.heed.tasks.seq2seq.DecodeOptions;
import dev.heed.tasks.seq2seq.Decoding;
import dev.heed.tasks.seq2seq.ParallelCorpus;
import dev.heed.tasks.seq2seq.Seq2SeqTrainer;
import dev.heed.tasks.seq2seq.Seq2SeqTrainingOptions;
import dev.heed.tasks.seq2seq.SubwordCodec;
import dev.heed.tensor.DType;
import dev.heed.tensor.SafeTensorsFile;
import dev.heed.text.SubwordEncoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summarizer over a pretrained encoder (Rothe et al. 2020): the shipped all-MiniLM-L6-v2 weights and WordPiece
 * tokenizer under a small Transformer decoder with copy, trained a few updates on e-mails made in code.
 */
class PretrainedEncoderSummarizerTest {

    private static final String ENCODER = "all-minilm-l6-v2";

    @TempDir
    Path tmp;

    private static ParallelCorpus corpus(int n, int offset) {
        String[] names = {"gerald", "sandra", "mike", "louise", "vince", "kay", "jeff", "sally"};
        String[] things = {"budget", "contract", "meeting", "invoice", "schedule", "report"};
        String[] days = {"monday", "tuesday", "friday"};
        List<String> sources = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (int i = offset; i < offset + n; i++) {
            String name = names[i % names.length];
            String thing = things[(i / 2) % things.length];
            String day = days[i % days.length];
            sources.add("Hi " + name + ",\nPlease review the attached " + thing + " before " + day
                    + ". Let me know if you have questions.\nThanks, Chris");
            targets.add(thing + " for " + name);
        }
        return new ParallelCorpus(sources, targets);
    }

    private static Seq2SeqTrainingOptions options(boolean freeze, int epochs) {
        return options(freeze, epochs, false, Map.of());
    }

    private static Seq2SeqTrainingOptions options(boolean freeze, int epochs, boolean fixedEmbeddings,
            Map<String, String> decoder) {
        return options(freeze, epochs, fixedEmbeddings, decoder, Optional.empty());
    }

    private static Seq2SeqTrainingOptions options(boolean freeze, int epochs, boolean fixedEmbeddings,
            Map<String, String> decoder, Optional<String> init) {
        Map<String, String> settings = new java.util.HashMap<>(
                Map.of("layers", "1", "ffnDim", "256", "maxLength", "16", "copy", "true", "dropout", "0.0"));
        settings.putAll(decoder);
        return new Seq2SeqTrainingOptions("bert", Map.of("dropout", "0.0"), "transformer", "multi-head",
                settings, 8000, epochs, 8,
                1e-3f, 4, 0f, 1f, 10, 1, 16, 0, 7, init, false, false, 40, 0f, 1,
                Optional.of(ENCODER), freeze, freeze ? 0f : 1e-4f, fixedEmbeddings);
    }

    private static List<Double> losses(List<String> log) {
        Pattern p = Pattern.compile("train loss ([0-9.]+)");
        List<Double> out = new ArrayList<>();
        for (String line : log) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                out.add(Double.parseDouble(m.group(1)));
            }
        }
        return out;
    }

    /** Writes the trained model (F32) into {@code out}, inside the trainer's callback, where the model is open. */
    private static void write(Seq2SeqTrainer.Result r, Seq2SeqTrainingOptions options, String name, Path trainFile,
            Path out) {
        try {
            SummarizationModelWriter.write(r, options, name, "test", trainFile, out, DType.F32);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The trained model's greedy summaries of {@code dev} (sources cut to 40 tokens), before it is written. */
    private static List<String> greedySummaries(Seq2SeqTrainer.Result r, ParallelCorpus dev) {
        SubwordCodec codec = r.vocabularies().source();
        List<long[]> sources = dev.sources().stream().map(s -> codec.source(codec.encode(s).ids(), 40)).toList();
        List<String> out = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            Decoding.decodeAll(r.model(), m, sources, DecodeOptions.greedy(), 4)
                    .forEach(h -> out.add(codec.decode(h.get(0).tokens()).text()));
        }
        return out;
    }

    @Test
    void aFrozenEncoderTrainsSavesAndLoadsWithTheSameSummariesAndCopyShares() throws Exception {
        ParallelCorpus train = corpus(32, 0);
        ParallelCorpus dev = corpus(4, 100);
        Path trainFile = Files.writeString(tmp.resolve("train.jsonl"), "{}\n");
        Path out = tmp.resolve("model");
        Seq2SeqTrainingOptions options = options(true, 4);
        List<String> inMemory = new ArrayList<>();
        Seq2SeqTrainer.Result result = new Seq2SeqTrainer(options, SummarizationMetrics.devMetric(), l -> { })
                .train(train, dev, tmp, r -> {
                    assertTrue(r.model().encoderFrozen());
                    assertFrozen(r);
                    assertTrue(!java.util.Arrays.equals(encoderTable(r), decoderTable(r)),
                            "without --freeze-decoder-embeddings the decoder's table trains away from the encoder's");
                    inMemory.addAll(greedySummaries(r, dev));
                    write(r, options, "tiny-bertsum", trainFile, out);
                    return r;
                });
        List<Double> losses = losses(result.log());
        assertEquals(4, losses.size(), result.log().toString());
        assertTrue(losses.get(3) < losses.get(0) * 0.8, "the decoder learns: " + losses);

        ModelDirectory dir = ModelDirectory.open(out);
        assertEquals(SubwordCodec.WORDPIECE, dir.manifest().components().get("vectorizer").name());
        assertEquals(ENCODER, dir.manifest().components().get("vectorizer").config().get("pretrainedEncoder"));
        assertEquals("bert", dir.manifest().components().get("encoder").name());
        try (SummarizationModel model = SummarizationModel.load(out.toString())) {
            assertTrue(model.copies());
            assertEquals(40, model.maxSourceTokens());
            List<Summary> summaries = model.summarize(dev.sources(), DecodeOptions.greedy().withAttention(true));
            assertEquals(inMemory, summaries.stream().map(Summary::text).toList(), "the same summaries after loading");
            for (Summary s : summaries) {
                Alignment a = s.alignment().orElseThrow();
                assertEquals("[CLS]", a.sourceTokens().get(0).text(), "the encoder read [CLS] first");
                assertTrue(a.sourceTokens().get(0).special());
                assertTrue(s.copyShares().length > 0, "a copying decoder reports its copy shares");
                assertEquals(a.targetTokens().size(), s.copyShares().length);
                for (float share : s.copyShares()) {
                    assertTrue(share >= 0f && share <= 1f, "a share in [0, 1]: " + share);
                }
            }
        }
    }

    private static void assertFrozen(Seq2SeqTrainer.Result r) {
        try {
            ModelDirectory pretrained = new ModelResolver().resolve(ENCODER);
            var weights = SafeTensorsFile.open(pretrained.resolve(pretrained.manifest().weights()));
            float[] original = weights.floats("embeddings.position_embeddings.weight");
            float[] now = r.model().encoder().namedParameters().get("embeddings.position_embeddings.weight")
                    .getArray().toFloatArray();
            assertArrayEquals(original, now, "a frozen encoder is not updated");
        } catch (java.io.IOException | dev.heed.model.ModelLoadException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fixedDecoderEmbeddingsStayTheEncodersTableWhileTheRestOfTheDecoderLearns() throws Exception {
        ParallelCorpus train = corpus(16, 0);
        ParallelCorpus dev = corpus(2, 100);
        List<String> progress = new ArrayList<>();
        new Seq2SeqTrainer(options(true, 3, true, Map.of()), SummarizationMetrics.devMetric(), progress::add)
                .train(train, dev, tmp, r -> {
                    assertArrayEquals(encoderTable(r), decoderTable(r), "the decoder's table is the encoder's");
                    assertTrue(progress.stream().anyMatch(l -> l.contains("fixed to the encoder's")), "" + progress);
                    List<Double> losses = losses(r.log());
                    assertTrue(losses.get(losses.size() - 1) < losses.get(0) * 0.9, "the loss falls: " + losses);
                    return null;
                });
    }

    /**
     * A frozen encoder and a decoder table fixed to its rows are the pretrained model's weights: the model directory
     * names them (and the hash of the file they come from) instead of copying them, and loads them from there with
     * the same summaries; a pretrained model whose weights are not the ones trained on is refused.
     */
    @Test
    void aFrozenEncoderAndAFixedTableAreStoredByReferenceAndLoadWithTheSameSummaries() throws Exception {
        ParallelCorpus train = corpus(16, 0);
        ParallelCorpus dev = corpus(3, 100);
        Path trainFile = Files.writeString(tmp.resolve("train.jsonl"), "{}\n");
        Path out = tmp.resolve("by-reference");
        Seq2SeqTrainingOptions options = options(true, 2, true, Map.of());
        List<String> inMemory = new ArrayList<>();
        new Seq2SeqTrainer(options, SummarizationMetrics.devMetric(), l -> { }).train(train, dev, tmp, r -> {
            inMemory.addAll(greedySummaries(r, dev));
            write(r, options, "tiny-by-reference", trainFile, out);
            return null;
        });
        ModelDirectory dir = ModelDirectory.open(out);
        Map<String, Object> vectorizer = dir.manifest().components().get("vectorizer").config();
        assertEquals("pretrained", vectorizer.get("encoderWeights"));
        assertEquals("pretrained", vectorizer.get("decoderEmbeddings"));
        ModelDirectory pretrained = new ModelResolver().resolve(ENCODER);
        assertEquals(pretrained.manifest().files().get(pretrained.manifest().weights()).sha256(),
                vectorizer.get("pretrainedWeightsSha256"));
        SafeTensorsFile weights = SafeTensorsFile.open(dir.resolve(dir.manifest().weights()));
        assertTrue(weights.tensors().keySet().stream().noneMatch(k -> k.startsWith("encoder.")),
                "no encoder weight copied: " + weights.tensors().keySet());
        assertTrue(weights.tensors().keySet().stream().noneMatch(k -> k.contains("embedding")),
                "the decoder's table is not copied: " + weights.tensors().keySet());
        long tableBytes = 30522L * 384 * 4;
        assertTrue(Files.size(dir.resolve(dir.manifest().weights())) < tableBytes / 4,
                "the file holds the decoder's own weights only: " + Files.size(dir.resolve(dir.manifest().weights())));
        try (SummarizationModel model = SummarizationModel.load(out.toString())) {
            assertEquals(inMemory, model.summarize(dev.sources(), DecodeOptions.greedy()).stream().map(Summary::text)
                    .toList(), "the same summaries after loading the encoder and the table from " + ENCODER);
        }

        Path manifest = out.resolve("model.json");
        String json = Files.readString(manifest);
        String sha = vectorizer.get("pretrainedWeightsSha256").toString();
        Files.writeString(manifest, json.replace(sha, "0".repeat(sha.length())));
        Exception e = assertThrows(Exception.class, () -> SummarizationModel.load(out.toString()).close());
        assertTrue(e.getMessage().contains("not the same encoder") && e.getMessage().contains(ENCODER),
                e.getMessage());
    }

    /**
     * The two-phase recipe: a model trained with the encoder frozen is continued ({@code --init}) with the encoder
     * fine-tuned and the table fixed. The encoder's other weights move, its word embeddings stay the pretrained rows
     * (one table with the decoder's), and the model stores all but that table, which it names by reference. A model
     * whose table was trained cannot be continued with it fixed.
     */
    @Test
    void aFrozenModelContinuedWithTheEncoderFineTunedStoresAllButTheFixedTable() throws Exception {
        ParallelCorpus train = corpus(16, 0);
        ParallelCorpus dev = corpus(3, 100);
        Path trainFile = Files.writeString(tmp.resolve("train.jsonl"), "{}\n");
        Path frozen = tmp.resolve("frozen");
        Seq2SeqTrainingOptions first = options(true, 2, true, Map.of());
        new Seq2SeqTrainer(first, SummarizationMetrics.devMetric(), l -> { }).train(train, dev, tmp, r -> {
            write(r, first, "tiny-frozen", trainFile, frozen);
            return null;
        });

        Path tuned = tmp.resolve("tuned");
        Seq2SeqTrainingOptions second = options(false, 2, true, Map.of(), Optional.of(frozen.toString()));
        List<String> progress = new ArrayList<>();
        List<String> inMemory = new ArrayList<>();
        float[] rows = pretrainedRows();
        new Seq2SeqTrainer(second, SummarizationMetrics.devMetric(), progress::add).train(train, dev, tmp, r -> {
            assertTrue(!r.model().encoderFrozen());
            assertThrows(AssertionError.class, () -> assertFrozen(r), "the fine-tuned encoder's weights move");
            assertArrayEquals(rows, encoderTable(r), "the encoder's word embeddings stay the pretrained"
                    + " rows");
            assertArrayEquals(encoderTable(r), decoderTable(r), "one table with the decoder's");
            assertTrue(progress.stream().anyMatch(l -> l.contains("weights continued from") && l.contains("fine-tuned")
                    && l.contains("stay fixed too")), "" + progress);
            inMemory.addAll(greedySummaries(r, dev));
            write(r, second, "tiny-tuned", trainFile, tuned);
            return null;
        });
        ModelDirectory dir = ModelDirectory.open(tuned);
        Map<String, Object> vectorizer = dir.manifest().components().get("vectorizer").config();
        assertEquals("pretrained", vectorizer.get("encoderWordEmbeddings"));
        assertEquals("pretrained", vectorizer.get("decoderEmbeddings"));
        assertEquals(null, vectorizer.get("encoderWeights"), "the encoder's other weights are the model's own");
        assertEquals(false, vectorizer.get("encoderFrozen"));
        String card = Files.readString(tuned.resolve("README.md"));
        assertTrue(card.contains("on the pretrained encoder all-minilm-l6-v2 (fine-tuned") && card.contains("No coverage.")
                && card.contains("## Continued from"), card);
        SafeTensorsFile weights = SafeTensorsFile.open(dir.resolve(dir.manifest().weights()));
        assertTrue(weights.tensors().containsKey("encoder.embeddings.position_embeddings.weight"),
                "the fine-tuned encoder's weights are in the file: " + weights.tensors().keySet());
        assertTrue(weights.tensors().keySet().stream().noneMatch(k -> k.contains("word_embeddings")
                || k.startsWith("decoder.") && k.contains("embedding")), "neither table is copied: "
                + weights.tensors().keySet());
        try (SummarizationModel model = SummarizationModel.load(tuned.toString())) {
            assertEquals(inMemory, model.summarize(dev.sources(), DecodeOptions.greedy()).stream().map(Summary::text)
                    .toList(), "the same summaries after loading the table from " + ENCODER);
        }

        Path trainedTable = tmp.resolve("trained-table");
        Seq2SeqTrainingOptions free = options(true, 1, false, Map.of());
        new Seq2SeqTrainer(free, SummarizationMetrics.devMetric(), l -> { }).train(train, dev, tmp, r -> {
            write(r, free, "tiny-trained-table", trainFile, trainedTable);
            return null;
        });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Seq2SeqTrainer(
                options(false, 1, true, Map.of(), Optional.of(trainedTable.toString())),
                SummarizationMetrics.devMetric(), l -> { }).train(train, dev, tmp, r -> null));
        assertTrue(e.getMessage().contains("the decoder's embedding table is not the pretrained model's rows"),
                e.getMessage());
    }

    /** all-MiniLM-L6-v2's word embeddings as the summarizer numbers WordPiece ids. */
    private static float[] pretrainedRows() throws Exception {
        ModelDirectory pretrained = new ModelResolver().resolve(ENCODER);
        float[] table = SafeTensorsFile.open(pretrained.resolve(pretrained.manifest().weights()))
                .floats("embeddings.word_embeddings.weight");
        return SubwordCodec.swapWordPieceRows(table, 384);
    }

    private static float[] encoderTable(Seq2SeqTrainer.Result r) {
        return r.model().encoder().namedParameters().get("embeddings.word_embeddings.weight").getArray().toFloatArray();
    }

    private static float[] decoderTable(Seq2SeqTrainer.Result r) {
        return ((dev.heed.tasks.seq2seq.TransformerDecoder) r.model().decoder()).embeddingWeight().getArray()
                .toFloatArray();
    }

    @Test
    void fixedDecoderEmbeddingsNeedATableOfTheEncodersSizeAndAPretrainedEncoder() {
        ParallelCorpus train = corpus(4, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Seq2SeqTrainer(options(true, 1, true, Map.of("dim", "128", "heads", "2")),
                        SummarizationMetrics.devMetric(), l -> { }).train(train, train, tmp, r -> null));
        assertTrue(e.getMessage().contains("--freeze-decoder-embeddings"), e.getMessage());
        IllegalArgumentException noEncoder = assertThrows(IllegalArgumentException.class,
                () -> new Seq2SeqTrainingOptions("bigru", Map.of(), "transformer", "multi-head", Map.of(), 8000, 1, 8,
                        1e-3f, 4, 0f, 1f, 10, 1, 16, 0, 7, Optional.empty(), false, false, 40, 0f, 1,
                        Optional.empty(), false, 0f, true));
        assertTrue(noEncoder.getMessage().contains("--encoder-init"), noEncoder.getMessage());
    }

    @Test
    void aFineTunedEncoderLearnsAtItsOwnRate() throws Exception {
        ParallelCorpus train = corpus(16, 0);
        ParallelCorpus dev = corpus(2, 100);
        new Seq2SeqTrainer(options(false, 3), SummarizationMetrics.devMetric(), l -> { }).train(train, dev, tmp, r -> {
            assertTrue(!r.model().encoderFrozen());
            assertThrows(AssertionError.class, () -> assertFrozen(r), "a fine-tuned encoder's weights move");
            List<Double> losses = losses(r.log());
            assertTrue(losses.get(losses.size() - 1) < losses.get(0) * 0.8, "the loss falls: " + losses);
            return null;
        });
    }

    @Test
    void wordPieceRoundTripJoinsPiecesAndSwapsTheSpecialIds() throws Exception {
        ModelDirectory pretrained = new ModelResolver().resolve(ENCODER);
        try (SubwordCodec codec = SubwordCodec.load(pretrained.resolve(pretrained.manifest().tokenizers().get("source")))) {
            assertEquals(SubwordCodec.WORDPIECE, codec.kind());
            assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]"),
                    List.of(codec.piece(0), codec.piece(1), codec.piece(2), codec.piece(3)));
            for (int id : new int[] {0, 1, 2, 3, 100, 101, 102, 103, 2000}) {
                assertEquals(id, SubwordCodec.wordPieceId(SubwordCodec.wordPieceId(id)), "the swap is its own inverse");
            }
            String text = "Re: Follow-up on the Q3 budget, can't attend (sorry) tomorrow!";
            SubwordEncoding encoding = codec.encode(text);
            List<String> pieces = new ArrayList<>();
            for (long id : encoding.ids()) {
                pieces.add(codec.piece((int) id));
            }
            assertTrue(pieces.contains("##3") || pieces.stream().anyMatch(p -> p.startsWith("##")),
                    "a word split into pieces: " + pieces);
            assertTrue(encoding.ids().length > 0 && java.util.Arrays.stream(encoding.ids()).allMatch(id -> id >= 4));
            SubwordCodec.Decoded decoded = codec.decode(encoding.ids());
            assertEquals("re: follow-up on the q3 budget, can't attend (sorry) tomorrow!", decoded.text());
            assertEquals(encoding.ids().length, decoded.spans().size());
            for (int i = 0; i < pieces.size(); i++) {
                String piece = pieces.get(i);
                assertEquals(piece.startsWith("##") ? piece.substring(2) : piece,
                        decoded.spans().get(i).of(decoded.text()), "each piece's span in the text");
            }
            long[] source = codec.source(encoding.ids(), 5);
            assertEquals(7, source.length, "[CLS], the first 5 pieces, [SEP]");
            assertEquals(SubwordCodec.BOS, source[0]);
            assertEquals(SubwordCodec.EOS, source[6]);
            long[] unknown = codec.encode("\u2603\u2603 snow").ids();
            assertEquals(SubwordCodec.UNK, unknown[0], "an unknown character is kept as [UNK]: "
                    + java.util.Arrays.toString(unknown));
        }
    }
}
