package dev.heed.bench;

import dev.heed.tasks.classification.LabelledTexts;
import dev.heed.tasks.sentiment.SentimentModel;
import dev.heed.tasks.sentiment.SentimentPrediction;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Stanford CoreNLP's sentiment RNTN (Socher et al. 2013, over its PCFG parses) and Heed sentiment models on
 * the same SST-2 dev sentences in the same run: accuracy and sentences per second for each, as a Markdown
 * table. The RNTN's five-class output is read as binary the way its authors did: positive when P(positive) +
 * P(very positive) exceeds P(negative) + P(very negative). Both sides get the machine's cores: CoreNLP a
 * thread per core, Heed batches of 256 sentences sorted by length on libtorch's threads. CoreNLP warms up on
 * the first 100 sentences and is timed over one pass (about a minute); a Heed model warms up on one full pass
 * and is timed as the median of three.
 *
 * <p>{@code java -cp ... dev.heed.bench.SentimentSideBySide DEV.tsv [MODEL ...]} (default model: {@code sst2}).
 */
public final class SentimentSideBySide {

    private SentimentSideBySide() {
    }

    record Row(String system, double accuracy, double sentencesPerSecond, double seconds) {
    }

    public static void main(String[] args) throws Exception {
        LabelledTexts dev = LabelledTexts.read(Path.of(args.length > 0 ? args[0] : BenchCorpus.sst2Dev().toString()),
                LabelledTexts.BINARY);
        List<String> models = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("sst2");
        List<Row> rows = new ArrayList<>();
        rows.add(coreNlp(dev));
        for (String model : models) {
            rows.add(heed(model, dev));
        }
        System.out.printf("%n| system | SST-2 dev accuracy | sentences/s | seconds for %d sentences |%n", dev.size());
        System.out.println("|---|---:|---:|---:|");
        for (Row r : rows) {
            System.out.printf("| %s | %.4f | %,.0f | %.2f |%n", r.system(), r.accuracy(), r.sentencesPerSecond(),
                    r.seconds());
        }
        Row rntn = rows.get(0);
        for (Row r : rows.subList(1, rows.size())) {
            System.out.printf("%s: %.0fx the RNTN's speed, %+.2f points of accuracy%n", r.system(),
                    r.sentencesPerSecond() / rntn.sentencesPerSecond(), 100 * (r.accuracy() - rntn.accuracy()));
        }
    }

    static Row coreNlp(LabelledTexts dev) throws Exception {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
        props.setProperty("ssplit.isOneSentence", "true");
        props.setProperty("parse.binaryTrees", "true");
        StanfordCoreNLP pipeline = new StanfordCoreNLP(props);
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            classify(pipeline, pool, dev.texts().subList(0, 100));
            long start = System.nanoTime();
            int[] predicted = classify(pipeline, pool, dev.texts());
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Row("CoreNLP 4.5.10 sentiment RNTN (" + threads + " threads)", accuracy(predicted, dev),
                    dev.size() / seconds, seconds);
        } finally {
            pool.shutdown();
        }
    }

    private static int[] classify(StanfordCoreNLP pipeline, ExecutorService pool, List<String> texts) throws Exception {
        List<Future<Integer>> results = new ArrayList<>();
        for (String text : texts) {
            results.add(pool.submit(() -> {
                Annotation document = new Annotation(text);
                pipeline.annotate(document);
                CoreMap sentence = document.get(CoreAnnotations.SentencesAnnotation.class).get(0);
                Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
                var p = RNNCoreAnnotations.getPredictions(tree);
                return p.get(3) + p.get(4) > p.get(0) + p.get(1) ? 1 : 0;
            }));
        }
        int[] predicted = new int[texts.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = results.get(i).get();
        }
        return predicted;
    }

    static Row heed(String name, LabelledTexts dev) throws Exception {
        try (SentimentModel model = SentimentModel.load(name)) {
            predict(model, dev.texts());
            double[] seconds = new double[3];
            int[] predicted = null;
            for (int run = 0; run < seconds.length; run++) {
                long start = System.nanoTime();
                predicted = predict(model, dev.texts());
                seconds[run] = (System.nanoTime() - start) / 1e9;
            }
            java.util.Arrays.sort(seconds);
            double median = seconds[1];
            return new Row("Heed " + model.name(), accuracy(predicted, dev), dev.size() / median, median);
        }
    }

    private static int[] predict(SentimentModel model, List<String> texts) {
        Integer[] order = new Integer[texts.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
        int[] predicted = new int[texts.size()];
        for (int from = 0; from < order.length; from += 256) {
            List<String> batch = new ArrayList<>();
            for (int i = from; i < Math.min(order.length, from + 256); i++) {
                batch.add(texts.get(order[i]));
            }
            List<SentimentPrediction> out = model.predict(batch, false);
            for (int i = 0; i < out.size(); i++) {
                predicted[order[from + i]] = model.labels().indexOf(out.get(i).label());
            }
        }
        return predicted;
    }

    private static double accuracy(int[] predicted, LabelledTexts dev) {
        int[] gold = dev.labels();
        int right = 0;
        for (int i = 0; i < gold.length; i++) {
            right += predicted[i] == gold[i] ? 1 : 0;
        }
        return (double) right / gold.length;
    }
}
