package dev.heed.cli;

import dev.heed.engine.DeviceChoice;
import dev.heed.engine.DeviceSelection;
import dev.heed.lucene.DenseModel;
import dev.heed.lucene.HeedSearcher;
import dev.heed.lucene.IndexedModel;
import dev.heed.lucene.LinearFusion;
import dev.heed.lucene.RankFusion;
import dev.heed.lucene.ReciprocalRankFusion;
import dev.heed.lucene.ScoreNormalization;
import dev.heed.model.ModelLoadException;
import dev.heed.tasks.embedding.EmbeddingOptions;
import dev.heed.tasks.embedding.LongInputPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of heed search and heed eval search that say how the modes rank (one mixin, one check). */
final class RankingOptions {

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index (heed index --index DIR).")
    Path index;

    @Option(names = "--model", paramLabel = "NAME|DIR", description = "The embedding model for dense, hybrid and"
            + " rerank (default: the one the index records; another is refused).")
    String model;

    @Option(names = "--fusion", defaultValue = "rrf", paramLabel = "rrf|linear", description = "How hybrid fuses BM25"
            + " and dense: reciprocal rank fusion (default) or a linear combination of normalized scores.")
    String fusion;

    @Option(names = "--rrf-k", defaultValue = "60", paramLabel = "K", description = "The RRF constant (default 60).")
    int rrfK;

    @Option(names = "--normalization", defaultValue = "min-max", paramLabel = "min-max|l2",
            description = "How --fusion linear normalizes each list's scores (default min-max).")
    String normalization;

    @Option(names = "--weights", defaultValue = "0.5,0.5", paramLabel = "BM25,DENSE",
            description = "The weights of --fusion linear (default 0.5,0.5).")
    String weights;

    @Option(names = "--depth", defaultValue = "100", paramLabel = "N", description = "Hits each list of hybrid gives"
            + " (at least --k), and the first-stage hits that rerank rescores (default 100).")
    int depth;

    @Option(names = "--rerank-weight", defaultValue = "0.5", paramLabel = "W", description = "In rerank, the weight"
            + " of the cosine; 1 - W goes to the first stage's min-max normalized score (default 0.5).")
    double rerankWeight;

    @Option(names = "--rerank-first-stage", defaultValue = "hybrid", paramLabel = "hybrid|bm25", description = "What"
            + " rerank rescores: the top --depth hits of hybrid (default) or of bm25.")
    String rerankFirstStage;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "cpu|gpu|auto",
            description = "Where the embedding model runs (default auto).")
    String device;

    HeedSearcher.Options searcherOptions() {
        RankFusion f = switch (fusion.toLowerCase(Locale.ROOT)) {
            case "rrf" -> new ReciprocalRankFusion(rrfK);
            case "linear" -> {
                List<Double> w;
                try {
                    w = Arrays.stream(weights.split(",")).map(String::strip).map(Double::parseDouble).toList();
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--weights takes two numbers, e.g. 0.3,0.7; got '" + weights + "'");
                }
                if (w.size() != 2) {
                    throw new IllegalArgumentException("--weights takes two numbers (BM25, dense), got '" + weights + "'");
                }
                yield new LinearFusion(ScoreNormalization.parse(normalization), w);
            }
            default -> throw new IllegalArgumentException("--fusion must be rrf or linear, got '" + fusion + "'");
        };
        return new HeedSearcher.Options(f, depth, rerankWeight, dev.heed.lucene.SearchMode.parse(rerankFirstStage));
    }

    /** The model the index records (or --model); empty when the index has no vectors. */
    Optional<DenseModel> loadModelIfIndexed() throws IOException, ModelLoadException {
        try (HeedSearcher plain = HeedSearcher.open(index, Optional.empty(), HeedSearcher.Options.defaults())) {
            if (IndexedModel.of(plain.commitData()).isEmpty()) {
                return Optional.empty();
            }
        }
        return loadModel(true);
    }

    /** The model to embed queries with: --model, else the one the index records; empty when none is needed. */
    Optional<DenseModel> loadModel(boolean needed) throws IOException, ModelLoadException {
        if (!needed) {
            return Optional.empty();
        }
        String name = model;
        if (name == null) {
            try (HeedSearcher plain = HeedSearcher.open(index, Optional.empty(), HeedSearcher.Options.defaults())) {
                name = IndexedModel.of(plain.commitData()).map(IndexedModel::model).orElseThrow(() ->
                        new IllegalArgumentException("the index in " + index + " has no vectors (it was built"
                                + " without a model): use --mode bm25, or build it again with heed index --model NAME"));
            }
        }
        EmbeddingOptions options = new EmbeddingOptions(DeviceSelection.resolve(DeviceChoice.parse(device)).device(),
                Optional.empty(), LongInputPolicy.TRUNCATE);
        return Optional.of(DenseModel.load(name, options));
    }
}
