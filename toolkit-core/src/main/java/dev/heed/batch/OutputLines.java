package dev.heed.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.io.Record;
import dev.heed.io.RecordError;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The lines a batch run writes: one output line per record, one error line per bad record. Stateless.
 *
 * <p>The rule for an output line, the same for every command: it holds every field of the input record,
 * unchanged and in its order, then the prediction's fields. A prediction field whose name the record already
 * uses goes under {@value #PREFIX} + its name (prefixed again while that is taken too), so a labelled file
 * keeps its gold {@code label} beside {@code predicted_label}. {@code id} comes first: the record's own
 * {@code id} field when it has one (kept as it is, number or string), else the record's id (the
 * {@code --id-field} value or the line number).
 */
public final class OutputLines {

    /** What a prediction field's name is prefixed with when the input record already has that name. */
    public static final String PREFIX = "predicted_";

    private OutputLines() {
    }

    /**
     * The output line of {@code record} with {@code prediction}'s fields; the names of prediction fields that
     * had to be renamed are added to {@code renamed}.
     */
    public static ObjectNode output(Record record, ObjectNode prediction, Set<String> renamed) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("id", record.id());
        line.setAll(record.fields());
        for (Iterator<Map.Entry<String, JsonNode>> it = prediction.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (record.fields().has(name)) {
                renamed.add(name);
            }
            while (line.has(name)) {
                name = PREFIX + name;
            }
            line.set(name, field.getValue());
        }
        return line;
    }

    /**
     * The error line of {@code e}: {@code {"line","id","id_from","kind","reason"}}, where {@code id_from} says
     * whether the id is the record's own ({@code "record"}) or the line number standing in for it
     * ({@code "line"}).
     */
    public static ObjectNode error(RecordError e) {
        return JsonNodeFactory.instance.objectNode().put("line", e.line()).put("id", e.id())
                .put("id_from", e.idIsLineNumber() ? "line" : "record")
                .put("kind", e.kind()).put("reason", e.reason());
    }
}
