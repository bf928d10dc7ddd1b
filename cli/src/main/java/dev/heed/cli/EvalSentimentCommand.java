package dev.heed.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.json.HeedJson;
import dev.heed.tasks.classification.ClassificationMetrics;
import dev.heed.tasks.classification.LabelledTexts;
import dev.heed.tasks.classification.UnknownLabelException;
import dev.heed.tasks.sentiment.SentimentModel;
import dev.heed.tasks.sentiment.SentimentPrediction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code heed eval sentiment}: accuracy, macro-F1, per-class precision and recall, confusion matrix. */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = "Evaluate a sentiment model on labelled data (the formats of heed train sentiment).")
final class EvalSentimentCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "NAME|DIR",
            description = "The sentiment model: a named model (heed models list) or a model directory.")
    String model;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Labelled data: SST-2 TSV, 'label text' lines or JSON lines {\"text\",\"label\"}, gzip or"
                    + " not; labels by the model's class names or their indexes.")
    Path data;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Also write the metrics as JSON.")
    Path report;

    @Option(names = "--batch-size", defaultValue = "128", paramLabel = "N",
            description = "Texts per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (SentimentModel loaded = SentimentModel.load(model)) {
            LabelledTexts texts;
            try {
                texts = LabelledTexts.read(data, loaded.labels());
            } catch (UnknownLabelException e) {
                // the classes are the model's: no option changes them, so say which data and model fit
                throw new IllegalArgumentException(e.getMessage() + ": " + loaded.name() + " knows only these "
                        + loaded.labels().size() + " classes; evaluate it on data labelled with them, or this data"
                        + " with a model trained on its classes (heed train sentiment --labels ...)", e);
            }
            int[] predicted = new int[texts.size()];
            for (int from = 0; from < texts.size(); from += batchSize) {
                List<SentimentPrediction> batch = loaded.predict(
                        texts.texts().subList(from, Math.min(texts.size(), from + batchSize)), false);
                for (int i = 0; i < batch.size(); i++) {
                    predicted[from + i] = loaded.labels().indexOf(batch.get(i).label());
                }
            }
            ClassificationMetrics m = ClassificationMetrics.of(loaded.labels(), texts.labels(), predicted);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("model %s on %s: %,d examples%naccuracy  %.4f%nmacro-F1  %.4f%n", loaded.name(), data,
                    m.total(), m.accuracy(), m.macroF1());
            ObjectNode json = HeedJson.PRETTY.createObjectNode();
            json.put("model", loaded.name()).put("data", data.toString()).put("examples", m.total())
                    .put("accuracy", m.accuracy()).put("macro_f1", m.macroF1());
            ObjectNode perClass = json.putObject("per_class");
            for (int i = 0; i < loaded.labels().size(); i++) {
                out.printf("%-14s precision %.4f  recall %.4f  F1 %.4f%n", loaded.labels().get(i), m.precision(i),
                        m.recall(i), m.f1(i));
                perClass.putObject(loaded.labels().get(i)).put("precision", m.precision(i))
                        .put("recall", m.recall(i)).put("f1", m.f1(i));
            }
            ArrayNode confusion = json.putArray("confusion");
            for (long[] row : m.confusion()) {
                ArrayNode r = confusion.addArray();
                for (long c : row) {
                    r.add(c);
                }
            }
            out.println("confusion (rows gold, columns predicted): " + java.util.Arrays.deepToString(m.confusion()));
            out.flush();
            if (report != null) {
                HeedJson.PRETTY.writeValue(report.toFile(), json);
            }
            return ExitCodes.OK;
        }
    }
}
