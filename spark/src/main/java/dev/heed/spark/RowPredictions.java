package dev.heed.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.heed.alignment.AlignmentJson;
import dev.heed.batch.IsolatedPredictions;
import dev.heed.batch.Prediction;
import dev.heed.batch.Predictor;
import dev.heed.io.Record;
import dev.heed.io.RecordError;
import dev.heed.json.HeedJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The transformers' work on one partition: rows in, the same rows out with the result, error and (optionally)
 * alignment columns added, in batches of {@link TaskSettings#batchSize()} through the JVM's shared model. A row
 * whose text is null or blank gets an error and no result; it is never dropped. Serializable; each call is
 * independent, so a retried task recomputes the same rows.
 */
final class RowPredictions implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final TaskSettings settings;
    private final String textColumn;
    private final int textIndex;
    private final int idIndex;
    private final boolean withAlignment;

    /**
     * @param idIndex the id column's index, or -1: ids are then {@code pPARTITION-ROW} (1-based row)
     */
    RowPredictions(TaskSettings settings, String textColumn, int textIndex, int idIndex, boolean withAlignment) {
        this.settings = settings;
        this.textColumn = textColumn;
        this.textIndex = textIndex;
        this.idIndex = idIndex;
        this.withAlignment = withAlignment;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        int partition = TaskContext.get() != null ? TaskContext.getPartitionId() : 0;
        return new Iterator<>() {
            private Predictor predictor;
            private Iterator<Row> ready = List.<Row>of().iterator();
            private long rowNumber;

            @Override
            public boolean hasNext() {
                while (!ready.hasNext() && rows.hasNext()) {
                    List<Row> batch = new ArrayList<>(settings.batchSize());
                    while (batch.size() < settings.batchSize() && rows.hasNext()) {
                        batch.add(rows.next());
                    }
                    ready = predict(batch).iterator();
                }
                return ready.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.next();
            }

            private List<Row> predict(List<Row> batch) {
                InferenceThreads.prepare(); // a task's iterator may be pulled on another thread than the one it began on
                if (predictor == null) {
                    predictor = ExecutorModels.predictor(settings);
                    if (settings.attention()
                            && !settings.task().exportsAttention(ExecutorModels.model(settings))) {
                        throw new IllegalArgumentException("model " + settings.model() + " has no attention to"
                                + " export: its encoder neither pools by attention nor exports self-attention;"
                                + " leave attentionCol unset");
                    }
                }
                Prediction[] outcome = new Prediction[batch.size()];
                String[] ids = new String[batch.size()];
                List<Record> records = new ArrayList<>();
                List<Integer> at = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    Row row = batch.get(i);
                    rowNumber++;
                    ids[i] = idIndex >= 0 && !row.isNullAt(idIndex) ? String.valueOf(row.get(idIndex))
                            : "p" + partition + "-" + rowNumber;
                    String text = row.isNullAt(textIndex) ? null : row.getString(textIndex);
                    if (text == null) {
                        outcome[i] = Prediction.failed(RecordError.MISSING_FIELD, "column '" + textColumn
                                + "' is null");
                    } else if (text.isBlank()) {
                        outcome[i] = Prediction.failed(RecordError.EMPTY_TEXT, "column '" + textColumn
                                + "' is empty");
                    } else {
                        records.add(new Record(rowNumber, ids[i], text, JsonNodeFactory.instance.objectNode(),
                                idIndex < 0));
                        at.add(i);
                    }
                }
                List<Prediction> predicted = IsolatedPredictions.predict(predictor, records);
                for (int k = 0; k < at.size(); k++) {
                    outcome[at.get(k)] = predicted.get(k);
                }
                List<Row> out = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    out.add(output(batch.get(i), outcome[i], ids[i]));
                }
                return out;
            }
        };
    }

    private Row output(Row in, Prediction p, String id) {
        int extra = withAlignment ? 3 : 2;
        Object[] values = new Object[in.length() + extra];
        for (int c = 0; c < in.length(); c++) {
            values[c] = in.get(c);
        }
        int n = in.length();
        if (p instanceof Prediction.Ok ok) {
            values[n] = ResultRows.toRow(ok.fields(), settings.task().fields());
            if (withAlignment) {
                values[n + 2] = ok.alignment().map(a -> json(a, id)).orElse(null);
            }
        } else if (p instanceof Prediction.Failed f) {
            values[n + 1] = RowFactory.create(f.kind(), f.reason());
        }
        return RowFactory.create(values);
    }

    private static String json(dev.heed.alignment.Alignment a, String id) {
        try {
            return HeedJson.COMPACT.writeValueAsString(AlignmentJson.toJson(a, id));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the alignment of " + id, e);
        }
    }
}
