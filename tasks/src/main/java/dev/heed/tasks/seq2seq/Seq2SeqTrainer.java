package dev.heed.tasks.seq2seq;


import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import dev.heed.encoders.EncoderBlock;
import dev.heed.encoders.EncoderConfigs;
import dev.heed.encoders.Encoders;
import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelLoadException;
import dev.heed.models.ModelResolver;
import dev.heed.tasks.training.FiniteGradients;
import dev.heed.tasks.training.GradientValues;
import dev.heed.tasks.training.SkippedBatches;
import dev.heed.tasks.training.WeightSnapshots;
import dev.heed.tasks.training.GradientNorm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import dev.heed.engine.EngineArrays;

/**
 * Trains an encoder-decoder translation model: a joint byte-level BPE learned from both sides of the training
 * data, teacher forcing with a label-smoothed loss over the real target tokens, Adam with warm-up and
 * inverse-square-root decay, gradients clipped by their global norm, batches of pairs of similar length, dev
 * BLEU (sacreBLEU, greedy search) after every epoch, early stopping, the best epoch's weights kept, and at the
 * end the average of the last epochs' weights (checkpoint averaging) when it scores better. Not thread-safe.
 */
public final class Seq2SeqTrainer {

    /** What training produced, handed to the caller while the model's arrays are open. */
    /**
     * What training produced, handed to the caller while the model's arrays are open.
     *
     * @param devScore the chosen weights' dev score by the metric's choosing score (BLEU, ROUGE-1, ...)
     * @param devSecondScore the metric's second score of those weights
     * @param truncated training sources cut to {@link Seq2SeqTrainingOptions#truncateSourceTo()} subwords
     */
    public record Result(Seq2SeqBlock model, Vocabularies vocabularies, DevMetric metric, double devScore,
            double devSecondScore, String chosen, List<String> log, double seconds, int trainPairs, int leftOut,
            int truncated) {
    }

    private final Seq2SeqTrainingOptions options;
    private final DevMetric metric;
    private final Consumer<String> progress;
    private Consumer<Result> checkpoint = r -> { };

    /** A trainer choosing epochs by sacreBLEU (translation). */
    public Seq2SeqTrainer(Seq2SeqTrainingOptions options, Consumer<String> progress) {
        this(options, DevMetric.bleuAndChrf(), progress);
    }

    /** A trainer choosing epochs by {@code metric}'s first score on the dev set. */
    public Seq2SeqTrainer(Seq2SeqTrainingOptions options, DevMetric metric, Consumer<String> progress) {
        this.options = options;
        this.metric = metric;
        this.progress = progress;
    }

    /**
     * Hands every epoch that beats the best dev BLEU so far to {@code checkpoint} (to write it, so a run that is
     * stopped or crashes leaves its best model on disk). Returns this trainer.
     */
    public Seq2SeqTrainer checkpointing(Consumer<Result> checkpoint) {
        this.checkpoint = checkpoint;
        return this;
    }

    /**
     * Trains on {@code train}, choosing by dev BLEU on {@code dev}; vocabularies it learns are written into
     * {@code vocabularyDir} (under {@link Vocabularies}' file names). {@code finish} gets the result while the
     * model is open.
     */
    public <T> T train(ParallelCorpus train, ParallelCorpus dev, Path vocabularyDir, Function<Result, T> finish)
            throws IOException {
        long start = System.nanoTime();
        Optional<ModelDirectory> init = Optional.empty();
        if (options.init().isPresent()) {
            try {
                init = Optional.of(new ModelResolver().resolve(options.init().get()));
            } catch (ModelLoadException e) {
                throw new IOException("cannot continue from " + options.init().get() + ": " + e.getMessage(), e);
            }
        }
        Optional<ModelDirectory> pretrained = Optional.empty();
        if (options.encoderInit().isPresent()) {
            try {
                pretrained = Optional.of(new ModelResolver().resolve(options.encoderInit().get()));
            } catch (ModelLoadException e) {
                throw new IOException("cannot start the encoder from " + options.encoderInit().get() + ": "
                        + e.getMessage(), e);
            }
        }
        if (init.isEmpty() && pretrained.isEmpty()) {
            ArchitectureCheck.requireFits(options, this::build); // before a vocabulary is learned or written
        }
        try (Vocabularies vocabularies = pretrained.isPresent() ? pretrainedVocabulary(pretrained.get())
                : openVocabularies(train, init, vocabularyDir)) {
            SubwordCodec codec = vocabularies.source();
            int keep = options.truncateSourceTo();
            List<long[]> sources = new ArrayList<>();
            List<long[]> targets = new ArrayList<>();
            List<Integer> records = new ArrayList<>();          // each kept pair's 1-based record in the file
            int leftOut = 0;
            int truncated = 0;
            for (int i = 0; i < train.size(); i++) {
                long[] pieces = codec.encode(train.sources().get(i)).ids();
                long[] t = SubwordCodec.withEos(vocabularies.target().encode(train.targets().get(i)).ids());
                if (keep > 0 && pieces.length > keep) {
                    truncated++;
                }
                if ((keep == 0 && pieces.length + 1 > options.maxTrainTokens()) || t.length > options.maxTrainTokens()
                        || pieces.length < 1 || t.length < 2) {
                    leftOut++;
                    continue;
                }
                sources.add(codec.source(pieces, keep));
                targets.add(t);
                records.add(i + 1);
            }
            progress.accept(String.format("%,d training pairs (%,d left out: empty or over %d subwords; %,d sources"
                    + " cut to their first %d subwords), %,d dev pairs, %.0f s so far", sources.size(), leftOut,
                    options.maxTrainTokens(), truncated, options.truncateSourceTo(), dev.size(), seconds(start)));
            List<long[]> devSources = dev.sources().stream()
                    .map(s -> codec.source(codec.encode(s).ids(), keep)).toList();

            Engine.getEngine("PyTorch").setRandomSeed((int) options.seed());
            Seq2SeqBlock model = init.isPresent() ? architecture(init.get())
                    : pretrained.isPresent() ? buildOnPretrained(pretrained.get(), codec.size())
                    : build(vocabularies.source().size(), vocabularies.target().size());
            DecoderConfig decoderConfig = model.decoder().config();
            if (pretrained.isPresent() && (keep == 0 || keep + 2 > model.encoder().maxLength())) {
                throw new IllegalArgumentException("the pretrained encoder reads at most " + model.encoder().maxLength()
                        + " tokens ([CLS] and [SEP] included): cut the sources to at most "
                        + (model.encoder().maxLength() - 2) + " (--max-source-tokens)");
            }
            Optimizer optimizer = adam(options.learningRate());
            if (pretrained.isPresent() && options.encoderLearningRate() > 0) {
                java.util.Set<String> encoderIds = new java.util.HashSet<>();
                model.encoder().getParameters().forEach(p -> encoderIds.add(p.getValue().getId()));
                optimizer = new SplitOptimizer(encoderIds, adam(options.encoderLearningRate()), optimizer);
            }
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(optimizer)
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            try (Model djl = Model.newInstance("translation")) {
                djl.setBlock(model);
                try (Trainer trainer = djl.newTrainer(config)) {
                    trainer.initialize(new Shape(2, 8), new Shape(2, 8), new Shape(2, 8));
                    if (init.isPresent()) {
                        LoadedSeq2Seq.loadWeights(model, init.get());
                        progress.accept("continuing from the weights of " + init.get().path());
                    }
                    if (pretrained.isPresent()) {
                        startFromPretrained(model, pretrained.get(), codec, init);
                    }
                    progress.accept(String.format("%s encoder + %s decoder (%s attention), %,d parameters",
                            model.encoder().spec().name(), decoderConfig.type(), decoderConfig.attention(),
                            count(model)));
                    return finish.apply(loop(trainer, model, vocabularies, sources, targets, records, devSources,
                            dev, start, leftOut, truncated));
                }
            } catch (ModelLoadException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    private Optimizer adam(float peak) {
        return Optimizer.adam().optLearningRateTracker(new InverseSqrtSchedule(peak, options.warmupSteps()))
                .optBeta2(0.98f).optEpsilon(1e-9f).build();
    }

    /** The pretrained encoder's WordPiece tokenizer as the one vocabulary of both sides. */
    private Vocabularies pretrainedVocabulary(ModelDirectory pretrained) throws IOException {
        String file = pretrained.manifest().tokenizers().get("source");
        if (file == null || pretrained.manifest().components().get("encoder") == null) {
            throw new IOException(pretrained.path() + " is not a pretrained encoder: its model.json names no encoder"
                    + " or no source tokenizer");
        }
        SubwordCodec codec = SubwordCodec.load(pretrained.resolve(file));
        progress.accept(String.format("the %s vocabulary of %s (%,d pieces), shared by documents and summaries",
                codec.kind(), pretrained.manifest().name(), codec.size()));
        return Vocabularies.joint(codec);
    }

    /**
     * The pretrained encoder (its config, with {@code --set} overrides such as dropout) under a Transformer decoder
     * of the encoder's size: by default 3 layers, heads of 64, feed-forward 4x, the output tied to the target
     * embeddings, which start as the encoder's word embeddings.
     */
    private Seq2SeqBlock buildOnPretrained(ModelDirectory pretrained, int vocabSize) {
        dev.heed.model.ComponentSpec spec = pretrained.manifest().components().get("encoder");
        Map<String, Object> settings = new LinkedHashMap<>(spec.config());
        settings.putAll(options.encoderSettings());
        dev.heed.encoders.EncoderProvider provider = Encoders.provider(spec.name());
        EncoderBlock encoder = provider.create(provider.parse(settings));
        if (!options.decoder().equals("transformer")) {
            throw new IllegalArgumentException("a pretrained encoder is paired with a transformer decoder, not "
                    + options.decoder());
        }
        int dim = encoder.spec().stateSize();
        DecoderConfig defaults = new DecoderConfig("transformer", options.attention(), vocabSize, dim, dim, 3,
                Math.max(1, dim / 64), 4 * dim, 256, 10, 0.1f, true, 200, false, false);
        Map<String, Object> decoderSettings = new LinkedHashMap<>(options.decoderSettings());
        decoderSettings.put("vocabSize", vocabSize);
        return Seq2SeqBlock.of(encoder, EncoderConfigs.parse(defaults, decoderSettings));
    }

    /**
     * Loads the pretrained encoder's weights, swaps its word-embedding rows as the codec swaps the special ids, starts
     * the decoder's embeddings (and so its tied output layer) from them when the sizes agree (Rothe et al. 2020), and
     * freezes the encoder when asked. A decoder table fixed to the word embeddings fixes the encoder's table too when
     * the encoder is fine-tuned: they stay one table. When continuing a model of this pretrained encoder
     * ({@code --init}), its weights stay; only what is fixed is set again to the pretrained rows, after checking that
     * it holds them (up to the F16 rounding of a stored model).
     */
    private void startFromPretrained(Seq2SeqBlock model, ModelDirectory pretrained, SubwordCodec codec,
            Optional<ModelDirectory> init) throws IOException {
        Optional<float[]> table;
        if (init.isPresent()) {
            requireSamePretrained(init.get(), pretrained);
            table = options.freezeDecoderEmbeddings() ? Optional.of(PretrainedWeights.pretrainedTable(pretrained))
                    : Optional.empty();
        } else {
            table = PretrainedWeights.loadEncoder(model, pretrained, codec.kind().equals(SubwordCodec.WORDPIECE));
        }
        Optional<Parameter> decoderTable = PretrainedWeights.decoderTable(model);
        String embeddings = init.isPresent() ? "decoder embeddings continued" : "decoder embeddings from scratch";
        if (table.isPresent() && decoderTable.isPresent()) {
            Parameter words = model.encoder().namedParameters().get(PretrainedWeights.WORD_EMBEDDINGS);
            if (init.isPresent()) {
                requireRows(init.get(), "the decoder's embedding table", decoderTable.get(), table.get());
                requireRows(init.get(), "the encoder's word embeddings", words, table.get());
                dev.heed.encoders.InPlace.overwrite(words.getArray(), table.get());
            }
            dev.heed.encoders.InPlace.overwrite(decoderTable.get().getArray(), table.get());
            embeddings = "decoder embeddings" + (model.decoder().config().tiedEmbeddings() ? " and output layer" : "")
                    + (options.freezeDecoderEmbeddings() ? " fixed to" : " started from") + " the encoder's word embeddings";
            if (options.freezeDecoderEmbeddings()) {
                decoderTable.get().freeze(true);
                if (!options.freezeEncoder()) {
                    words.freeze(true);
                    embeddings += " (which stay fixed too)";
                }
            }
        } else if (options.freezeDecoderEmbeddings()) {
            throw new IllegalArgumentException("--freeze-decoder-embeddings: the decoder's embedding table cannot start"
                    + " from " + pretrained.manifest().name() + "'s word embeddings (it needs a transformer decoder of"
                    + " the encoder's size and the encoder's WordPiece vocabulary)");
        }
        if (options.freezeEncoder()) {
            model.freezeEncoder();
        }
        progress.accept(String.format("encoder %s from %s (%s%s), %s; %s", model.encoder().spec().name(),
                pretrained.manifest().name(), pretrained.path(), init.isPresent() ? ", weights continued from "
                        + init.get().path() : "", options.freezeEncoder() ? "frozen"
                        : "fine-tuned" + (options.encoderLearningRate() > 0
                                ? " at peak learning rate " + options.encoderLearningRate() : ""), embeddings));
    }

    /** Refuses to continue {@code init} over another pretrained encoder than the one it was trained on. */
    private static void requireSamePretrained(ModelDirectory init, ModelDirectory pretrained) {
        var vectorizer = init.manifest().components().get("vectorizer");
        Object name = vectorizer == null ? null : vectorizer.config().get(PretrainedWeights.PRETRAINED_NAME);
        if (name == null || !pretrained.manifest().name().equals(resolvedName(name.toString()))) {
            throw new IllegalArgumentException("--init " + init.path() + " was not trained on the pretrained encoder "
                    + pretrained.manifest().name() + " (--encoder-init), but on " + name);
        }
    }

    private static String resolvedName(String nameOrPath) {
        try {
            return new ModelResolver().resolve(nameOrPath).manifest().name();
        } catch (ModelLoadException e) {
            return nameOrPath;
        }
    }

    /**
     * Refuses a table of {@code init} that is not the pretrained rows: fixing it now would store by reference weights
     * that were trained. Allows, entry by entry, the F16 rounding of a stored model (2^-10 of the entry, or 6e-8 for
     * F16's subnormals).
     */
    private static void requireRows(ModelDirectory init, String what, Parameter parameter, float[] rows) {
        float[] current = parameter.getArray().toFloatArray();
        if (current.length != rows.length) {
            throw new IllegalArgumentException("--freeze-decoder-embeddings with --init " + init.path() + ": " + what
                    + " has " + current.length + " entries, the pretrained model's " + rows.length);
        }
        for (int i = 0; i < rows.length; i++) {
            float difference = Math.abs(current[i] - rows[i]);
            if (difference > Math.max(Math.abs(rows[i]) / 1024, 6e-8f)) {
                throw new IllegalArgumentException("--freeze-decoder-embeddings with --init " + init.path() + ": "
                        + what + " is not the pretrained model's rows (entry " + i + " is " + current[i] + ", not "
                        + rows[i] + "), so it cannot be fixed to them");
            }
        }
    }

    private Vocabularies openVocabularies(ParallelCorpus train, Optional<ModelDirectory> init, Path dir)
            throws IOException {
        if (init.isPresent()) {
            progress.accept("the vocabularies of " + init.get().path());
            return Vocabularies.load(init.get());
        }
        if (!options.separateVocabularies()) {
            List<String> both = new ArrayList<>(train.sources());
            both.addAll(train.targets());
            progress.accept(String.format("learning a joint byte-level BPE of %,d pieces from %,d sentences",
                    options.vocabSize(), both.size()));
            return Vocabularies.joint(SubwordCodec.learn(both, options.vocabSize(), dir.resolve(Vocabularies.JOINT_FILE)));
        }
        progress.accept(String.format("learning a byte-level BPE of %,d pieces for each side from %,d sentence pairs",
                options.vocabSize(), train.size()));
        SubwordCodec source = SubwordCodec.learn(train.sources(), options.vocabSize(),
                dir.resolve(Vocabularies.SOURCE_FILE));
        return Vocabularies.separate(source, () -> SubwordCodec.learn(train.targets(), options.vocabSize(),
                dir.resolve(Vocabularies.TARGET_FILE)));
    }

    private static Seq2SeqBlock architecture(ModelDirectory dir) throws IOException {
        try {
            return LoadedSeq2Seq.architecture(dir);
        } catch (ModelLoadException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private Seq2SeqBlock build(int sourceSize, int targetSize) {
        Map<String, Object> encoderSettings = new LinkedHashMap<>(options.encoderSettings());
        encoderSettings.put("vocabSize", sourceSize);
        EncoderBlock encoder = Encoders.create(options.encoder(), encoderSettings);
        Map<String, Object> decoderSettings = new LinkedHashMap<>(options.decoderSettings());
        decoderSettings.put("vocabSize", targetSize);
        DecoderConfig defaults = options.decoder().equals("gru")
                ? DecoderConfig.gru(targetSize, options.attention()).withDim(encoder.spec().stateSize())
                : DecoderConfig.transformer(targetSize).withAttention(options.attention());
        DecoderConfig decoderConfig = EncoderConfigs.parse(defaults, decoderSettings);
        if (decoderConfig.copy() && options.separateVocabularies()) {
            throw new IllegalArgumentException("a decoder that copies needs one joint vocabulary, not separate ones");
        }
        return Seq2SeqBlock.of(encoder, decoderConfig);
    }

    private Result loop(Trainer trainer, Seq2SeqBlock model, Vocabularies vocabularies, List<long[]> sources,
            List<long[]> targets, List<Integer> records, List<long[]> devSources, ParallelCorpus dev, long start,
            int leftOut, int truncated) {
        NDManager manager = trainer.getManager();
        Random random = new Random(options.seed());
        List<String> log = new ArrayList<>();
        Deque<Map<String, float[]>> recent = new ArrayDeque<>();
        Map<String, float[]> best = null;
        double bestBleu = -1;
        double bestChrf = 0;
        int bestEpoch = 0;
        SkippedBatches skipped = new SkippedBatches(progress, "lower --lr (now " + options.learningRate() + ")");
        long deadline = options.timeLimitMinutes() > 0
                ? start + (long) (options.timeLimitMinutes() * 60e9) : Long.MAX_VALUE;
        boolean outOfTime = false;
        try (FrozenEncoderCache cache = model.encoderFrozen() ? new FrozenEncoderCache(manager) : null) {
        for (int epoch = 1; epoch <= options.epochs() && !outOfTime; epoch++) {
            long epochStart = System.nanoTime();
            double lossSum = 0;
            int steps = 0;
            for (int[] batch : batches(sources, targets, random)) {
                boolean finite;
                String skippedWhy = "";
                try (NDManager step = manager.newSubManager(); GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray[] src = pad(step, sources, batch, false);
                    NDArray[] tgtIn = pad(step, targets, batch, true);
                    NDArray[] tgtOut = pad(step, targets, batch, false);
                    NDList input = new NDList(src[0], src[1], tgtIn[0]);
                    if (cache != null) {
                        int[] lengths = new int[batch.length];
                        for (int b = 0; b < batch.length; b++) {
                            lengths[b] = sources.get(batch[b]).length;
                        }
                        input.add(cache.states(model, step, batch, src[0], src[1], lengths));
                    }
                    NDList forced = trainer.forward(input);
                    NDArray loss = SequenceLoss.labelSmoothed(forced.get(0), tgtOut[0], tgtOut[1],
                            options.labelSmoothing());
                    if (forced.size() > 1 && options.coverageLossWeight() > 0 && epoch >= options.coverageFromEpoch()) {
                        NDArray coverage = forced.get(1).mul(tgtOut[1]).sum().div(tgtOut[1].sum());
                        loss = loss.add(coverage.mul(options.coverageLossWeight()));
                    }
                    float value = loss.getFloat();
                    finite = Float.isFinite(value);
                    List<String> nonFinite = List.of();
                    if (finite) {
                        gc.backward(loss);
                        nonFinite = FiniteGradients.nonFinite(model);
                        finite = nonFinite.isEmpty();
                    }
                    if (!finite) {
                        skippedWhy = SkippedBatches.describe(value, nonFinite,
                                Arrays.stream(batch).map(records::get).toArray());
                    }
                    if (finite && options.clipByValue()) {
                        GradientValues.clip(model, options.clipNorm());    // DJL's optClipGrad is one-sided
                    } else if (finite) {
                        GradientNorm.clip(model, options.clipNorm());
                    }
                    if (finite) {
                        lossSum += value;
                        steps++;
                    }
                }
                if (finite) {
                    trainer.step();
                } else {
                    skipped.skip(epoch, steps, skippedWhy);
                }
                if (steps % 100 == 0 && steps > 0) {
                    progress.accept(String.format("epoch %d: %,d updates, loss %.4f, %.0f s", epoch, steps,
                            lossSum / steps, seconds(epochStart)));
                }
                if (System.nanoTime() > deadline) {
                    outOfTime = true;
                    break;
                }
            }
            double[] scores = evaluate(model, manager, vocabularies.target(), devSources, dev);
            String line = String.format("epoch %d: train loss %.4f over %,d updates%s, dev %s %.2f, %s %.2f (greedy),"
                    + " %.0f s", epoch, lossSum / Math.max(1, steps), steps, outOfTime ? " (time limit reached)" : "",
                    metric.name(), scores[0], metric.secondName(), scores[1], seconds(epochStart));
            log.add(line);
            progress.accept(line);
            Map<String, float[]> weights = WeightSnapshots.snapshot(model);
            recent.addLast(weights);
            if (recent.size() > options.averageLast()) {
                recent.removeFirst();
            }
            if (scores[0] > bestBleu) {
                bestBleu = scores[0];
                bestChrf = scores[1];
                bestEpoch = epoch;
                best = weights;
                checkpoint.accept(new Result(model, vocabularies, metric, bestBleu, bestChrf,
                        "epoch " + epoch + " (so far)", List.copyOf(log), seconds(start), sources.size(), leftOut,
                        truncated));
            } else if (epoch - bestEpoch >= options.patience()) {
                progress.accept("no better dev " + metric.name() + " for " + options.patience() + " epochs: stopping");
                break;
            }
        }
        if (cache != null) {
            progress.accept(cache.summary());
        }
        }
        String chosen = "epoch " + bestEpoch;
        if (recent.size() > 1) {
            WeightSnapshots.restore(model, WeightSnapshots.average(recent));
            double[] averaged = evaluate(model, manager, vocabularies.target(), devSources, dev);
            String line = String.format("average of the last %d epochs: dev %s %.2f, %s %.2f (greedy)",
                    recent.size(), metric.name(), averaged[0], metric.secondName(), averaged[1]);
            log.add(line);
            progress.accept(line);
            if (averaged[0] > bestBleu) {
                bestBleu = averaged[0];
                bestChrf = averaged[1];
                chosen = "average of the last " + recent.size() + " epochs";
                best = WeightSnapshots.snapshot(model);
            }
        }
        WeightSnapshots.restore(model, best);
        return new Result(model, vocabularies, metric, bestBleu, bestChrf, chosen, log, seconds(start), sources.size(),
                leftOut, truncated);
    }

    private double[] evaluate(Seq2SeqBlock model, NDManager manager, SubwordCodec target, List<long[]> devSources,
            ParallelCorpus dev) {
        List<String> hypotheses = Decoding.decodeAll(model, manager, devSources, DecodeOptions.greedy(), 64)
                .stream().map(h -> target.decode(h.get(0).tokens()).text()).toList();
        return metric.score(hypotheses, dev.targets());
    }

    /**
     * Batches of pair indexes: shuffled, sorted by length (target first; source first over a pretrained encoder)
     * within chunks of 50 batches, batches shuffled.
     */
    private List<int[]> batches(List<long[]> sources, List<long[]> targets, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int chunk = options.batchSize() * 50;
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.size(); from += chunk) {
            List<Integer> part = new ArrayList<>(order.subList(from, Math.min(order.size(), from + chunk)));
            // over a pretrained encoder, the encoder's cost dominates: pad sources least
            part.sort(options.encoderInit().isPresent()
                    ? Comparator.comparingInt((Integer i) -> sources.get(i).length)
                            .thenComparingInt(i -> targets.get(i).length)
                    : Comparator.comparingInt((Integer i) -> targets.get(i).length)
                            .thenComparingInt(i -> sources.get(i).length));
            for (int b = 0; b < part.size(); b += options.batchSize()) {
                batches.add(part.subList(b, Math.min(part.size(), b + options.batchSize())).stream()
                        .mapToInt(Integer::intValue).toArray());
            }
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    /** Padded ids {@code (B, L)} and mask; {@code shifted}: {@code <s>} first and the last token dropped. */
    static NDArray[] pad(NDManager m, List<long[]> rows, int[] batch, boolean shifted) {
        int length = 1;
        for (int i : batch) {
            length = Math.max(length, rows.get(i).length);
        }
        long[] flat = new long[batch.length * length];
        float[] mask = new float[batch.length * length];
        for (int b = 0; b < batch.length; b++) {
            long[] row = rows.get(batch[b]);
            if (shifted) {
                flat[b * length] = SubwordCodec.BOS;
                System.arraycopy(row, 0, flat, b * length + 1, row.length - 1);
            } else {
                System.arraycopy(row, 0, flat, b * length, row.length);
            }
            Arrays.fill(mask, b * length, b * length + row.length, 1f);
        }
        return new NDArray[] {EngineArrays.of(m, flat, new Shape(batch.length, length)),
                EngineArrays.of(m, mask, new Shape(batch.length, length))};
    }

    private static long count(Seq2SeqBlock model) {
        long n = 0;
        for (var p : model.getParameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }




    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
