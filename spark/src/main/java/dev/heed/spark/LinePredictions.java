package dev.heed.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.alignment.AlignmentJson;
import dev.heed.batch.IsolatedPredictions;
import dev.heed.batch.OutputLines;
import dev.heed.batch.Prediction;
import dev.heed.batch.Predictor;
import dev.heed.io.ReadOutcome;
import dev.heed.io.ReaderOptions;
import dev.heed.io.Record;
import dev.heed.io.RecordError;
import dev.heed.io.RecordFormat;
import dev.heed.json.HeedJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * The job's work on one partition of input lines: each line read by the {@code heed} command's rules
 * ({@link dev.heed.io.RecordReader#parseLine}), the records predicted in batches through the JVM's shared model,
 * and each turned into the line the command writes ({@link OutputLines}): every input field kept in its order, the
 * task's fields added, a clashing name written as {@code predicted_NAME}. A bad line becomes an error line with its
 * file, line number, id and reason; nothing is dropped. Serializable; a retried task recomputes the same lines.
 */
final class LinePredictions implements FlatMapFunction<Iterator<SourceLine>, JobLine> {

    private static final long serialVersionUID = 1L;

    private final TaskSettings settings;
    private final RecordFormat format;
    private final String textField;
    private final String idField;

    /** @param idField the id field, or null: {@code "id"} when a record has one, else the line number */
    LinePredictions(TaskSettings settings, RecordFormat format, String textField, String idField) {
        this.settings = settings;
        this.format = format;
        this.textField = textField;
        this.idField = idField;
    }

    @Override
    public Iterator<JobLine> call(Iterator<SourceLine> lines) {
        ReaderOptions options = new ReaderOptions(format, textField, Optional.ofNullable(idField),
                ReaderOptions.DEFAULT_MAX_LINE_BYTES);
        return new Iterator<>() {
            private Predictor predictor;
            private Iterator<JobLine> ready = List.<JobLine>of().iterator();

            @Override
            public boolean hasNext() {
                while (!ready.hasNext() && lines.hasNext()) {
                    List<SourceLine> batch = new ArrayList<>(settings.batchSize());
                    while (batch.size() < settings.batchSize() && lines.hasNext()) {
                        batch.add(lines.next());
                    }
                    ready = predict(batch, options).iterator();
                }
                return ready.hasNext();
            }

            @Override
            public JobLine next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.next();
            }

            private List<JobLine> predict(List<SourceLine> batch, ReaderOptions options) {
                ReadOutcome[] read = new ReadOutcome[batch.size()];
                List<Record> records = new ArrayList<>();
                List<Integer> at = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    SourceLine s = batch.get(i);
                    read[i] = s.text() == null ? RecordError.atLine(s.line(), s.errorKind(), s.errorReason())
                            : dev.heed.io.RecordReader.parseLine(s.line(), s.text(), options);
                    if (read[i] instanceof Record r) {
                        records.add(r);
                        at.add(i);
                    }
                }
                Prediction[] predicted = new Prediction[batch.size()];
                if (!records.isEmpty()) {
                    InferenceThreads.prepare();
                    if (predictor == null) {
                        predictor = ExecutorModels.predictor(settings);
                    }
                    List<Prediction> p = IsolatedPredictions.predict(predictor, records);
                    for (int k = 0; k < at.size(); k++) {
                        predicted[at.get(k)] = p.get(k);
                    }
                }
                List<JobLine> out = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    String file = batch.get(i).file();
                    if (read[i] instanceof RecordError e) {
                        out.add(error(file, e));
                    } else if (predicted[i] instanceof Prediction.Failed f) {
                        out.add(error(file, RecordError.of((Record) read[i], f.kind(), f.reason())));
                    } else if (predicted[i] instanceof Prediction.Ok ok) {
                        Record r = (Record) read[i];
                        out.add(new JobLine(JobLine.OUTPUT, json(OutputLines.output(r, ok.fields(), new HashSet<>()))));
                        if (settings.attention() && ok.alignment().isPresent()) {
                            out.add(new JobLine(JobLine.ALIGNMENT, json(AlignmentJson.toJson(ok.alignment().get(),
                                    r.id()))));
                        }
                    }
                }
                return out;
            }
        };
    }

    /** The error line: {@code {"file","line","id","id_from","kind","reason"}}, the command's fields and the file. */
    private static JobLine error(String file, RecordError e) {
        ObjectNode line = HeedJson.COMPACT.createObjectNode().put("file", file);
        line.setAll(OutputLines.error(e));
        return new JobLine(JobLine.ERROR, json(line));
    }

    private static String json(ObjectNode node) {
        try {
            return HeedJson.COMPACT.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON line", e);
        }
    }
}
